using CreditSite.Hosting;
using CreditSite.Search;
using CreditSite.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditSite.Cli;

/// <summary>The CLI's services, configured exactly like the web site: the site's appsettings files for the current
/// environment, then environment variables (<c>Storage__DataPath</c> …), the same site root, the same store.</summary>
public sealed class CliHost : IDisposable
{
    private readonly ServiceProvider _services;

    private CliHost(ServiceProvider services, string siteRoot, IConfiguration configuration)
    {
        _services = services;
        SiteRoot = siteRoot;
        Configuration = configuration;
    }

    public string SiteRoot { get; }

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => _services;

    public static CliHost Create()
    {
        string root;
        try
        {
            root = Hosting.SiteRoot.Find(Environment.GetEnvironmentVariable("Site__RootPath"));
        }
        catch (DirectoryNotFoundException e)
        {
            throw new CliUsageException(e.Message);
        }

        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var settingsFolder = new[] { Path.Combine(root, "src", "CreditSite.Web"), root, AppContext.BaseDirectory }
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "appsettings.json")));

        var builder = new ConfigurationBuilder();
        if (settingsFolder is not null)
        {
            builder.SetBasePath(settingsFolder)
                .AddJsonFile("appsettings.json", optional: true)
                .AddJsonFile($"appsettings.{environment}.json", optional: true);
        }

        var configuration = builder.AddEnvironmentVariables().Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddCreditStore(configuration, root);
        AddSearchEngine(services, configuration, root);

        var provider = services.BuildServiceProvider();
        try
        {
            // The same checks the web site runs on start, with their Chinese messages.
            _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new CliUsageException("配置有误：" + string.Join("；", e.Failures) +
                "（Privacy:IdHashKey 须与网站相同；开发时可设 DOTNET_ENVIRONMENT=Development）。");
        }

        return new CliHost(provider, root, configuration);
    }

    /// <summary>The same engine as the site, over the same data folder: an import here reaches a running site.</summary>
    private static void AddSearchEngine(IServiceCollection services, IConfiguration configuration, string root)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSearchEngine(configuration, storage.ResolveDataPath(root));
    }

    public ISearchEngine? SearchEngine => _services.GetService<ISearchEngine>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
