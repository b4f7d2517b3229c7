using System.Net;
using CreditSite.Content;
using CreditSite.Hosting;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;
using CreditSite.Web.Tests.Cli;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CreditSite.Web.Tests.ListSync;

/// <summary>An import while the site runs becomes searchable without a restart, whether the CLI updated the index itself
/// or only the store changed and the site's synchroniser picked it up. How soon depends on the machine, so the tests
/// wait for it rather than time it.</summary>
public sealed class ListIndexSynchroniserTests : IDisposable
{
    private static readonly string ExampleCsv = Path.Combine(SiteRoot.Find(), "docs", "examples", "list-entries.csv");

    private readonly SiteFactory _site = new();

    public void Dispose()
    {
        _site.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task StoreOnlyImportBecomesSearchableWithoutRestart()
    {
        var client = _site.CreateClient();
        var uscc = "91320412MA20K7QD0U"; // the red-list entry, public until 2028
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/subjects/{uscc}", UriKind.Relative))).StatusCode);

        // Written to the store the way another process would, without touching the index.
        var store = new ListStore(CreditStore.FromOptions(new StorageOptions { DataPath = _site.DataPath }, _site.DataPath));
        var importer = new ListImporter(
            store, new ResidentIdHasher("testing-only-id-hash-key-not-a-secret"), CatalogueFile.Load(Path.Combine(SiteRoot.Find(), "content")), TimeProvider.System);
        var result = await importer.ImportAsync(ExampleCsv);
        Assert.True(result.Accepted, result.Report.Describe());

        var answer = await WaitForAsync(client, $"/api/v1/subjects/{uscc}");
        Assert.Contains("常州武进瑞丰机械制造有限公司", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliImportWhileTheSiteRunsBecomesSearchable()
    {
        var client = _site.CreateClient();
        var uscc = "91320411MA1Q8N2CX8"; // the black-list entry under objection, public until 2028
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/subjects/{uscc}", UriKind.Relative))).StatusCode);
        using var cli = new CliRun(_site.DataPath);

        var import = await cli.RunAsync("import", "--file", ExampleCsv);

        Assert.True(import.ExitCode == 0, import.All);
        var answer = await WaitForAsync(client, $"/api/v1/subjects/{uscc}");
        Assert.Contains("常州新北汇通商贸有限公司", answer, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForAsync(HttpClient client, string path)
    {
        string? body = null;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
                return body is not null;
            },
            $"{path} never answered 200");
        return body!;
    }
}
