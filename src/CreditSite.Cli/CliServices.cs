using CreditSite.Content;
using CreditSite.Hosting;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Platforms;
using CreditSite.Search;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreditSite.Cli;

/// <summary>The CLI's one host, configured like the web site: the site's appsettings files for the environment
/// (<c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, else Production), then environment variables
/// (<c>Storage__DataPath</c> …), the same site root, the same store and search engine. Nothing is resolved here, so
/// <c>--help</c> and <c>demo-data</c> work whatever the configuration; settings are validated (with the site's own
/// messages) when a command that needs them is created.</summary>
public static class CliServices
{
    public static HostApplicationBuilder CreateBuilder(CliConsole console, IReadOnlyDictionary<string, string?>? settings)
    {
        ArgumentNullException.ThrowIfNull(console);
        string root;
        try
        {
            root = SiteRoot.Find(Environment.GetEnvironmentVariable("Site__RootPath"));
        }
        catch (DirectoryNotFoundException e)
        {
            throw new CliUsageException(e.Message);
        }

        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        var settingsFolder = new[] { Path.Combine(root, "src", "CreditSite.Web"), root, AppContext.BaseDirectory }
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "appsettings.json"))) ?? root;

        // The site's sources and no others: no command-line source (Spectre parses the arguments), no user secrets.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = settingsFolder,
            ApplicationName = "creditsite",
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(settingsFolder, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(settingsFolder, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(console);
        services.AddSingleton(new SiteFolders(root, builder.Configuration));
        services.AddCreditStore(builder.Configuration, root);
        // 公共信用信息目录, loaded (and validated with file:line) only when a command needs it, as the site does.
        services.AddSingleton(_ => CatalogueFile.Load(ContentPath(root, builder.Configuration)));
        services.AddListImport();
        services.AddListIndexing(builder.Configuration, root);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSearchEngine(builder.Configuration, storage.ResolveDataPath(root));
        services.AddSingleton<IDbContextFactory<ApiKeyDbContext>>(sp => new ApiKeyDbContextFactory(sp.GetRequiredService<CreditStore>()));
        services.AddSingleton<ApiKeyStore>();
        return builder;
    }

    /// <summary>The content folder the site reads: <c>Content:Path</c>, or <c>content/</c> at the site root.</summary>
    public static string ContentPath(string root, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Content:Path"];
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine(root, "content") : Path.GetFullPath(configured);
    }
}

/// <summary>The site root and the configuration, for commands that read content the way the site does.</summary>
public sealed record SiteFolders(string Root, IConfiguration Configuration);
