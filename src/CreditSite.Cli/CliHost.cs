using CreditSite.Hosting;
using CreditSite.Search;
using CreditSite.Search.Embedded;
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

    /// <summary>Registers the embedded engine over the site's data folder when <c>Search:Engine</c> is <c>Embedded</c>
    /// (the default): the CLI writes the same index the running site reads.</summary>
    private static void AddSearchEngine(IServiceCollection services, IConfiguration configuration, string root)
    {
        var engine = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>()?.Engine ?? SearchEngineKind.Embedded;
        if (engine == SearchEngineKind.Embedded)
        {
            services.AddEmbeddedSearchEngine(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataPath(root));
        }
    }

    public ISearchEngine? SearchEngine => _services.GetService<ISearchEngine>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
