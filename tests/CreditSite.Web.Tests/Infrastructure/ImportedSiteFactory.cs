using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>The site with the list entries of <see cref="Csv"/> imported through the real importer into the store and
/// caught up into the real on-disk index, on 2025-06-01 (China Standard Time).</summary>
public abstract class ImportedSiteFactory : SiteFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _seeded;

    /// <summary>The import file, header included.</summary>
    protected abstract string Csv { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(8))));
        });
    }

    public async Task<HttpClient> ClientAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_seeded)
            {
                var file = Path.Combine(DataPath, "entries.csv");
                Directory.CreateDirectory(DataPath);
                await File.WriteAllTextAsync(file, Csv);
                var result = await Services.GetRequiredService<ListImporter>().ImportAsync(file);
                Assert.True(result.Accepted, result.Report.Describe());
                await Services.GetRequiredService<ListIndexer>().CatchUpAsync(Services.GetRequiredService<ISearchEngine>(), TimeSpan.FromSeconds(30));
                _seeded = true;
            }
        }
        finally
        {
            _gate.Release();
        }

        return CreateClient();
    }
}
