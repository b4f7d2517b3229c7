using CreditSite.Indexing;
using CreditSite.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>The site with list entries loaded through the real first-start path (import into the store, then the
/// synchroniser into the real on-disk index). By default a generated demonstration set; <see cref="EntriesFile"/>
/// and <see cref="Today"/> pin a known file and day instead.</summary>
public class SearchSiteFactory : SiteFactory
{
    private readonly SemaphoreSlim _seeded = new(1, 1);
    private bool _ready;

    protected virtual int DemoCount => 400;

    /// <summary>A CSV relative to the site root, or null for generated demo data.</summary>
    protected virtual string? EntriesFile => null;

    /// <summary>The site's clock; null for the real one.</summary>
    public virtual DateTimeOffset? Today => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:SeedDemoData", "true");
        builder.UseSetting("Storage:DemoDataCount", DemoCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (EntriesFile is not null)
        {
            builder.UseSetting("Storage:DemoDataFile", EntriesFile);
        }

        if (Today is { } today)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(today));
            });
        }
    }

    /// <summary>Waits until the seeded entries are searchable (the index holds more than the content pages).</summary>
    public async Task SeedAsync()
    {
        await _seeded.WaitAsync();
        try
        {
            if (_ready)
            {
                return;
            }

            var engine = Services.GetRequiredService<ISearchEngine>();
            var contentDocuments = Services.GetRequiredService<CreditSite.Content.ContentLibrary>().ToSearchDocuments().Count();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await engine.CountAsync() <= contentDocuments)
            {
                Assert.True(DateTime.UtcNow < deadline, "The seeded list entries did not reach the search index within 90 s.");
                await Task.Delay(200);
            }

            _ready = true;
        }
        finally
        {
            _seeded.Release();
        }
    }
}

/// <summary>The documented example import file (docs/examples/list-entries.csv) on a day when its entries are public.</summary>
public class ExampleEntriesSiteFactory : SearchSiteFactory
{
    protected override string? EntriesFile => "docs/examples/list-entries.csv";

    public override DateTimeOffset? Today => new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>The example entries on a real Kestrel socket, for the browser.</summary>
public sealed class KestrelExampleEntriesSiteFactory : ExampleEntriesSiteFactory
{
    public KestrelExampleEntriesSiteFactory()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = TestServers.BaseAddressOf(Services);
    }

    public Uri BaseAddress { get; }
}

/// <summary>Its own clock, which a test moves forward.</summary>
public sealed class MovingClockSiteFactory : ExampleEntriesSiteFactory
{
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
}
