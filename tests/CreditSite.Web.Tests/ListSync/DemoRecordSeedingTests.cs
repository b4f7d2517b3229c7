using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;
using CreditSite.Web.Site.ListSync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.ListSync;

/// <summary>The first start in Development loads, beside the demonstration list entries, the records that go with
/// them (基础信息, 行政许可, 行政处罚, 信用承诺), and the synchroniser makes them searchable: a demo company's USCC finds
/// every kind, a penalised person's ID number finds the penalty with the number masked. The subject page's new sections
/// are another branch's work; until they are on main these tests look through <c>/api/v1/search</c>.</summary>
public sealed partial class DemoRecordSeedingTests(DemoRecordSeedingTests.DevelopmentSite site) : IClassFixture<DemoRecordSeedingTests.DevelopmentSite>
{
    [Fact]
    public async Task ADevelopmentFirstStartFindsADemoCompanysLicencesPenaltiesCommitmentsAndRegistryRecord()
    {
        var expected = site.Expected();
        var company = expected.AllRecords.Where(r => r.Uscc is not null && r.IsPublicOn(DevelopmentSite.Today)).GroupBy(r => r.Uscc!)
            .First(g => g.Select(r => r.Kind).Distinct().Count() == 3);
        var registry = expected.Registry.Single(s => s.Uscc == company.Key);

        var hits = await site.SearchUntilAsync(company.Key, ["licence", "penalty", "commitment", "subject"]);

        Assert.Contains(hits, h => h.Id == "subject:" + company.Key && h.Title == registry.Name);
        Assert.All(company, r => Assert.Contains(hits, h => h.Id == $"{r.Kind.Code()}:{r.RecordId}" && h.Title.StartsWith(r.SubjectName, StringComparison.Ordinal)));
        Assert.Contains(hits, h => h.Type == "licence" && company.Any(r => r.DecisionNumber == h.DecisionNumber));
    }

    [Fact]
    public async Task APenalisedPersonsIdNumberFindsThePenaltyShownOnlyMasked()
    {
        var hasher = site.Services.GetRequiredService<ResidentIdHasher>();
        var penalised = site.Expected().Penalties.Where(p => p.SubjectType == SubjectType.NaturalPerson && p.IsPublicOn(DevelopmentSite.Today))
            .Select(p => p.ResidentIdHash).ToHashSet(StringComparer.Ordinal);
        // The person's number is only in the list rows the site generated; the records hold its hash.
        var idNumber = new DemoDataGenerator().Rows(DevelopmentSite.Count, DevelopmentSite.Today)
            .Select(row => row[ListImportColumns.OrdinalOf(ListImportColumns.IdNumber)])
            .First(id => !string.IsNullOrEmpty(id) && penalised.Contains(hasher.Hash(ResidentIdNumber.Parse(id).Value!.Value)))!;

        var (hits, body) = await site.SearchWithBodyUntilAsync(idNumber, ["penalty"]);

        Assert.Contains(hits, h => h.Type == "penalty" && h.MaskedIdNumber == ResidentIdNumber.Mask(idNumber));
        Assert.DoesNotContain(idNumber, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondLoadWritesNothingAgain()
    {
        var expected = site.Expected();
        var company = expected.Commitments.First(c => c.IsPublicOn(DevelopmentSite.Today)).Uscc!;
        await site.SearchUntilAsync(company, ["commitment"]); // commitments are written last
        var list = site.Services.GetRequiredService<ListStore>();
        var records = site.Services.GetRequiredService<RecordStore>();
        var before = await list.CurrentSequenceAsync();
        var counts = await records.CountListedAsync();

        var loaded = await site.Services.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(CancellationToken.None);

        Assert.False(loaded);
        Assert.Equal(before, await list.CurrentSequenceAsync());
        Assert.Equal(expected.Count, counts);
        Assert.Equal(counts, await records.CountListedAsync());
        foreach (var kind in RecordText.AllKinds)
        {
            Assert.Equal(expected.Of(kind).Count, (await records.DatasetAsync(kind)).Count);
        }
    }

    [Fact]
    public async Task TheDemoTimelinessPageShowsAPlausibleShareOnTime()
    {
        var expected = site.Expected();
        await site.SearchUntilAsync(expected.Commitments.First(c => c.IsPublicOn(DevelopmentSite.Today)).Uscc!, ["commitment"]); // written last
        var html = await site.CreateClient().GetStringAsync(new Uri("/records/timeliness", UriKind.Relative));

        // 全市合计: licences, penalties, records, on time, share (“93.8%”).
        var total = TotalRow().Match(html);
        Assert.True(total.Success, "no 全市合计 row");
        var records = int.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
        var share = double.Parse(total.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(records >= 20, $"only {records} records in the last 90 days");
        Assert.InRange(share, 80.0, 99.9);
    }

    [GeneratedRegex(@"<th scope=""row"">全市合计</th><td>\d+</td><td>\d+</td><td>(\d+)</td><td>\d+</td><td>([\d.]+)%</td>")]
    private static partial Regex TotalRow();

    public sealed record Hit(string Id, string Type, string Title, string? DecisionNumber, string? MaskedIdNumber);

    /// <summary>The site as <c>bash scripts/run.sh</c> starts it (Development, demo data on by default), on its own data
    /// folder and a fixed day, with fewer entries than the default so it starts quickly.</summary>
    public sealed class DevelopmentSite : WebApplicationFactory<Program>
    {
        public const int Count = 1_000;

        private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

        private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "creditsite-test-" + Guid.NewGuid().ToString("N"));
        private DemoRecordSet? _expected;

        public static DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

        /// <summary>What the site's first start should have written: the generator's records for the same count and day,
        /// with the site's own hasher and catalogue.</summary>
        public DemoRecordSet Expected() => _expected ??=
            new DemoRecordGenerator(Services.GetRequiredService<ResidentIdHasher>(), Services.GetRequiredService<CreditCatalogue>()).Generate(Count, Today);

        public async Task<IReadOnlyList<Hit>> SearchUntilAsync(string query, string[] types) => (await SearchWithBodyUntilAsync(query, types)).Hits;

        /// <summary>Asks <c>/api/v1/search</c> until its hits include every one of <paramref name="types"/> (the seeding and
        /// the synchroniser run in the background).</summary>
        public async Task<(IReadOnlyList<Hit> Hits, string Body)> SearchWithBodyUntilAsync(string query, string[] types)
        {
            var client = CreateClient();
            IReadOnlyList<Hit> hits = [];
            var body = string.Empty;
            await Eventually.UntilAsync(
                async () =>
                {
                    body = await client.GetStringAsync(new Uri("/api/v1/search?group=none&page_size=100&q=" + Uri.EscapeDataString(query), UriKind.Relative));
                    using var json = JsonDocument.Parse(body);
                    hits = [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => new Hit(
                        h.GetProperty("id").GetString()!, h.GetProperty("type").GetString()!, h.GetProperty("title").GetString()!,
                        h.GetProperty("decisionNumber").GetString(), h.GetProperty("maskedIdNumber").GetString()))];
                    return types.All(type => hits.Any(h => h.Type == type));
                },
                $"/api/v1/search?q=… never found {string.Join(", ", types)}");
            return (hits, body);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataPath", _dataPath);
            builder.UseSetting("Storage:DemoDataCount", Count.ToString(CultureInfo.InvariantCulture));
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(_dataPath))
            {
                try
                {
                    Directory.Delete(_dataPath, recursive: true);
                }
                catch (IOException)
                {
                    // An index file still held open by a finaliser; the temp folder is cleaned by the OS.
                }
            }
        }
    }
}

/// <summary>Outside Development the demonstration records follow the list set's rules (<see cref="DemoDataMode"/>):
/// none unless a demonstration server is explicitly allowed, and then marked 演示数据 like everything else.</summary>
public sealed class DemoRecordsOutsideDevelopmentTests
{
    [Fact]
    public async Task ADemonstrationServerOutsideDevelopmentMarksTheRecordsAsDemoData()
    {
        using var site = new Hosting.ProductionStartTests.ConfiguredSite("Production",
            ("Storage:SeedDemoData", "true"), ("Storage:AllowDemoDataOutsideDevelopment", "true"), ("Storage:DemoDataCount", "200"));
        var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var body = string.Empty;

        await Eventually.UntilAsync(
            async () =>
            {
                body = await client.GetStringAsync(new Uri("/api/v1/search?type=licence", UriKind.Relative));
                using var json = JsonDocument.Parse(body);
                return json.RootElement.GetProperty("total").GetInt64() > 0;
            },
            "no demonstration licence became searchable");

        using var answer = JsonDocument.Parse(body);
        Assert.StartsWith("演示数据：", answer.RootElement.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionWithoutDemoDataWritesNoRecords()
    {
        using var site = new Hosting.ProductionStartTests.ConfiguredSite("Production");
        _ = site.CreateClient();

        var loaded = await site.Services.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(CancellationToken.None);

        Assert.False(loaded);
        Assert.Equal(0, await site.Services.GetRequiredService<RecordStore>().CountListedAsync());
    }
}
