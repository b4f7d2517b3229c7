using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary>Lets Spectre.Console.Cli create commands from the host's one container: Spectre adds its own types to
/// the host's services, then the host is built once and commands are resolved from it.</summary>
internal sealed class TypeRegistrar(HostApplicationBuilder builder) : ITypeRegistrar
{
    public void Register(Type service, Type implementation) => builder.Services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => builder.Services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(service, _ => factory());
    }

    public ITypeResolver Build() => new TypeResolver(builder.Build());

    private sealed class TypeResolver(IHost host) : ITypeResolver, IDisposable
    {
        public object? Resolve(Type? type) => type is null ? null : host.Services.GetService(type);

        public void Dispose() => host.Dispose();
    }
}
