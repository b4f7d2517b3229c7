using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>The real site plus two test-only routes, <c>/test/throw</c> and <c>/api/test/throw</c>, that fail with an
/// exception, so tests can see what a visitor and a platform get when something breaks. The route is appended after the site's own pipeline (past routing),
/// so the exception passes through the site's real exception handler.</summary>
public sealed class FailingSiteFactory : SiteFactory
{
    public const string ThrowingPath = "/test/throw";
    public const string ThrowingApiPath = "/api/test/throw";
    public const string SecretDetail = "connection string Password=hunter2 at CreditSite.Internal";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingRoute>());
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(ThrowingPath, branch => branch.Run(_ => throw new InvalidOperationException(SecretDetail)));
            app.Map(ThrowingApiPath, branch => branch.Run(_ => throw new InvalidOperationException(SecretDetail)));
        };
    }
}
