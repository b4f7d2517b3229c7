using System.Net;
using CreditSite.Reports.Pdf;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The report site with its main PDF font configured at a path that is empty until a test puts the file there.</summary>
public sealed class MissingFontReportsSite : ReportsSite
{
    public string FontPath { get; } = Path.Combine(Path.GetTempPath(), "creditsite-font-" + Guid.NewGuid().ToString("N") + ".ttf");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:FontPath", FontPath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(FontPath);
    }
}

public sealed class ReportFontRecoveryTests(MissingFontReportsSite site) : IClassFixture<MissingFontReportsSite>
{
    [Fact]
    public async Task PdfDownloadWorksAsSoonAsTheMissingFontIsInstalledAndOnlyTheDeliveredDownloadIsRecorded()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        var (_, page) = await site.PostFormAsync(person, "/reports", "Personal");
        var pdf = new Uri($"/reports/{Forms.ReportId(page)}/pdf", UriKind.Relative);

        var before = await person.GetAsync(pdf);
        var head = await person.SendAsync(new HttpRequestMessage(HttpMethod.Head, pdf));
        var (_, accessBefore) = await site.GetPageAsync(person, "/reports/access");
        File.Copy(ReportFont.DefaultPath, site.FontPath);
        var after = await person.GetAsync(pdf);
        var (_, accessAfter) = await site.GetPageAsync(person, "/reports/access");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("缺少中文字体", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("application/pdf", after.Content.Headers.ContentType?.MediaType);

        // The access record holds the one download that was delivered, not the 503 nor the HEAD request.
        Assert.DoesNotContain("下载 PDF", accessBefore, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(accessAfter, "下载 PDF"));
    }
}

/// <summary>The report site whose search engine can be switched off: the real engine behind a switch that throws what
/// an engine throws when its server is down (fault injection, not a stand-in: every search while on is the real one).</summary>
public sealed class SearchOutageReportsSite : ReportsSite
{
    public SearchSwitch Switch { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(ISearchEngine));
            services.Remove(real);
            services.AddSingleton<ISearchEngine>(sp => Switch.Wrap((ISearchEngine)(real.ImplementationInstance
                ?? real.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
        });
    }

    public sealed class SearchSwitch
    {
        private ISearchEngine? _inner;

        public bool Down { get; set; }

        public ISearchEngine Wrap(ISearchEngine inner)
        {
            _inner = inner;
            return new Engine(this);
        }

        private sealed class Engine(SearchSwitch owner) : ISearchEngine
        {
            private ISearchEngine Inner => owner._inner!;

            public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
                owner.Down ? throw new SearchUnavailableException("搜索服务暂时不可用（测试中断）。") : Inner.SearchAsync(request, cancellationToken);

            public Task UpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default) => Inner.UpsertAsync(documents, cancellationToken);

            public Task<long> UpsertAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
                Inner.UpsertAllAsync(documents, progress, cancellationToken);

            public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => Inner.DeleteAsync(ids, cancellationToken);

            public Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
                Inner.RebuildAsync(documents, progress, cancellationToken);

            public Task<long> CountAsync(CancellationToken cancellationToken = default) => Inner.CountAsync(cancellationToken);

            public Task<EngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => Inner.CheckHealthAsync(cancellationToken);
        }
    }
}

public sealed class GrantRedemptionAtomicityTests(SearchOutageReportsSite site) : IClassFixture<SearchOutageReportsSite>
{
    [Fact]
    public async Task ASingleUseGrantIsNotUsedUpWhenTheReportCannotBeIssued()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, granted) = await site.PostFormAsync(person, "/reports/grants", "Create",
            ("Form.GranteeKind", "Person"), ("Form.GranteeName", "李娜"), ("Form.GranteeIdentifier", DemoIdentities.CleanPersonId),
            ("Form.Purpose", "Lease"), ("Form.Days", "3"), ("Form.SingleUse", "true"));
        var code = Forms.GrantCode(granted);
        var grantee = await site.SignInAsync(DemoIdentities.CleanPerson);

        site.Switch.Down = true;
        var (down, downPage) = await site.PostFormAsync(grantee, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        site.Switch.Down = false;
        var (up, upPage) = await site.PostFormAsync(grantee, "/reports/grants/redeem?code=" + code, null, ("Code", code));
        var (again, againPage) = await site.PostFormAsync(grantee, "/reports/grants/redeem?code=" + code, null, ("Code", code));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("暂不能出具报告", downPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Contains("个人公共信用信息报告", upPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("该授权为一次性授权，已经使用过。", againPage, StringComparison.Ordinal);
    }
}
