using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Records;

/// <summary>The site on 2026-06-15 10:00 China Standard Time with a crafted set of licences and penalties whose first
/// publication days lie around the 2026 Spring Festival and Labour Day holidays (国办发明电〔2025〕7号: 2-15..2-23 and
/// 5-1..5-5 off, 2-14, 2-28 and 5-9 worked).</summary>
public class TimelinessSite : SiteFactory
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _seeded;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        });
    }

    /// <summary>(kind, id, department, decided, first published, unpublished).</summary>
    private static readonly (RecordKind Kind, string Id, string Department, DateOnly Decided, DateTimeOffset Published, bool Unpublished)[] Records =
    [
        // 市市场监督管理局, penalties across Labour Day: 7 working days from 4-28 end on 5-11 (4-29, 4-30, 5-6, 5-7, 5-8,
        // the worked Saturday 5-9, 5-11); counting Monday to Friday would make both 5-11 and 5-6 late.
        (RecordKind.Penalty, "T-A-1", "市市场监督管理局", new(2026, 4, 28), new(2026, 5, 11, 9, 0, 0, Cst), false),
        // 00:30 on 5-12 in Beijing (still 5-11 in UTC): the 8th working day, late.
        (RecordKind.Penalty, "T-A-2", "市市场监督管理局", new(2026, 4, 28), new(2026, 5, 12, 0, 30, 0, Cst), false),
        (RecordKind.Penalty, "T-A-3", "市市场监督管理局", new(2026, 4, 24), new(2026, 5, 6, 15, 0, 0, Cst), false),
        // 常州市应急管理局, licences: one the next day, one 24 working days after a decision before the Spring Festival.
        (RecordKind.Licence, "T-B-1", "常州市应急管理局", new(2026, 6, 1), new(2026, 6, 2, 11, 0, 0, Cst), false),
        (RecordKind.Licence, "T-B-2", "常州市应急管理局", new(2026, 2, 10), new(2026, 3, 20, 11, 0, 0, Cst), false),
        // Not counted: first published before the 90 days, a penalty never published (simplified procedure).
        (RecordKind.Licence, "T-B-3", "常州市应急管理局", new(2026, 1, 5), new(2026, 3, 10, 11, 0, 0, Cst), false),
        (RecordKind.Penalty, "T-B-4", "常州市应急管理局", new(2026, 3, 2), new(2026, 4, 20, 11, 0, 0, Cst), true),
        // 常州市生态环境局: three on time, and one 15 working days late that has since been repaired (it was published).
        (RecordKind.Penalty, "T-C-1", "常州市生态环境局", new(2026, 6, 5), new(2026, 6, 15, 9, 0, 0, Cst), false),
        (RecordKind.Penalty, "T-C-2", "常州市生态环境局", new(2026, 5, 20), new(2026, 6, 10, 9, 0, 0, Cst), false),
        (RecordKind.Penalty, "T-C-3", "常州市生态环境局", new(2026, 6, 8), new(2026, 6, 9, 9, 0, 0, Cst), false),
        (RecordKind.Licence, "T-C-4", "常州市生态环境局", new(2026, 6, 1), new(2026, 6, 3, 9, 0, 0, Cst), false),
    ];

    public async Task<HttpClient> ClientAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_seeded)
            {
                CreateClient().Dispose(); // starts the site
                foreach (var kind in new[] { RecordKind.Licence, RecordKind.Penalty })
                {
                    var records = Records.Where(r => r.Kind == kind).Select(r =>
                    {
                        var record = RecordSamples.Record(kind, r.Id, "常州时效测试有限公司", RecordSamples.ChemicalCode, r.Decided, r.Department);
                        record.Unpublished = r.Unpublished;
                        record.Status = r.Id == "T-C-2" ? RecordStatus.Repaired : record.Status;
                        record.PublicUntil = r.Decided.AddYears(1);
                        return record;
                    }).ToList();
                    await RecordSamples.WriteAsync(Services, kind, records);
                }

                // The store stamps the real time of the write; these records were first published on the days above.
                await using var context = Services.GetRequiredService<CreditStore>().CreateContext();
                foreach (var r in Records)
                {
                    var changed = await context.PublicRecords.Where(p => p.Kind == r.Kind && p.RecordId == r.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstImportedAt, r.Published.ToUniversalTime()));
                    Assert.Equal(1, changed);
                }

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

/// <summary>公示及时率: per department, the share of licences and penalties first published within 7 working days of
/// the decision over the last 90 days, working days from the calendar, in China Standard Time.</summary>
public sealed partial class TimelinessTests(TimelinessSite site) : IClassFixture<TimelinessSite>
{
    private async Task<(HttpStatusCode Status, string Html)> PageAsync()
    {
        var (status, html) = await (await site.ClientAsync()).GetPageAsync("/records/timeliness");
        return (status, WebUtility.HtmlDecode(html));
    }

    private static List<string[]> Rows(string html, string section)
    {
        var start = html.IndexOf($"<{section}>", StringComparison.Ordinal);
        var body = html[start..html.IndexOf($"</{section}>", start, StringComparison.Ordinal)];
        return Row().Matches(body).Select(m => Cell().Matches(m.Value).Select(c => c.Groups[1].Value).ToArray()).ToList();
    }

    [Fact]
    public async Task EachDepartmentGetsItsShareOnTimeWorstFirstCountingHolidaysAndMakeUpDays()
    {
        var (status, html) = await PageAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [
                ["常州市应急管理局", "2", "0", "2", "1", "50.0%", "24个工作日（2026-02-10决定，2026-03-20公示）"],
                ["市市场监督管理局", "0", "3", "3", "2", "66.7%", "8个工作日（2026-04-28决定，2026-05-12公示）"],
                ["常州市生态环境局", "1", "3", "4", "3", "75.0%", "15个工作日（2026-05-20决定，2026-06-10公示）"],
            ],
            Rows(html, "tbody"));
        Assert.Equal([["全市合计", "3", "6", "9", "6", "66.7%", "24个工作日（2026-02-10决定，2026-03-20公示）"]], Rows(html, "tfoot"));
    }

    [Fact]
    public async Task ThePeriodIsTheLast90DaysAndTheTableIsAPageOfItsOwn()
    {
        var (_, html) = await PageAsync();

        Assert.Contains("统计期间：<strong>2026年3月17日至2026年6月15日</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"ColumnName\" content=\"公示及时率\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("约数", html, StringComparison.Ordinal);
        Assert.DoesNotContain("常州时效测试有限公司", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTimelinessPageIsLinkedFromThe双公示PagesAndTheSiteMap()
    {
        var client = await site.ClientAsync();
        var overview = await client.GetStringAsync(new Uri("/records", UriKind.Relative));
        var siteMap = await client.GetStringAsync(new Uri("/site-map", UriKind.Relative));
        var sitemapXml = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Contains("href=\"/records/timeliness\"", overview, StringComparison.Ordinal);
        Assert.Contains("href=\"/records/timeliness\"", siteMap, StringComparison.Ordinal);
        Assert.Contains("/records/timeliness</loc>", sitemapXml, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}

/// <summary>The same page with nothing published in the period.</summary>
public sealed class TimelinessEmptyTests
{
    [Fact]
    public async Task WithNoRecordsThePageSaysSo()
    {
        await using var site = new SiteFactory();

        var (status, html) = await site.CreateClient().GetPageAsync("/records/timeliness");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("统计期间没有首次公示的行政许可、行政处罚信息。", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
