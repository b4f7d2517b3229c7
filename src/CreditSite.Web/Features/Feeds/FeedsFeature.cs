using CreditSite.Web.Site.ListSync;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Site.Hosting;

namespace CreditSite.Web.Features.Feeds;

/// <summary>Atom feeds of the black list, role models and announcements (and, in <see cref="RecordFeeds"/>, of
/// licences, penalties and commitments), <c>sitemap.xml</c> and <c>robots.txt</c>.
/// The black-list feed comes from the index and carries only what is in public view on the request's day; the
/// role-model and announcement feeds and the sitemap come from the content library.</summary>
public static class FeedsFeature
{
    public const int FeedSize = 50;
    private const string ShortCache = "public, max-age=60";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/black-list.atom", BlackListAsync).ExcludeFromDescription();
        app.MapGet("/feeds/role-models.atom", RoleModels).ExcludeFromDescription();
        app.MapGet("/feeds/announcements.atom", Announcements).ExcludeFromDescription();
        app.MapRecordFeeds();
        app.MapGet("/sitemap.xml", Sitemap).ExcludeFromDescription();
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> BlackListAsync(
        HttpContext context, ISearchEngine engine, TimeProvider time, PublicUrls urls, DemoDataMode demo, CancellationToken cancellationToken)
    {
        var baseUrl = urls.BaseUrl;
        var field = context.Request.Query["field"].ToString().Trim();
        if (field.Length > 0 && !Fields.IsKnown(field))
        {
            return Results.Text($"未知的领域“{Truncate(field)}”。可用的领域：{string.Join("、", Fields.All)}。", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }

        var today = CreditCalendar.Today(time);
        var query = field.Length > 0 ? QueryString.Create("field", field).ToUriComponent() : string.Empty;
        return await FeedAsync(context, engine, new SearchRequest
        {
            Types = [DocumentType.ListEntry],
            ListKind = ListKind.Black,
            Field = field.Length > 0 ? field : null,
            Sort = SearchSort.Newest,
            PageSize = FeedSize,
            WithFacets = false,
            Today = today,
        }, results => AtomFeed.Write(
            $"{baseUrl}/feeds/black-list.atom{query}",
            field.Length > 0 ? $"信用常州 · 黑名单 · {field}" : "信用常州 · 黑名单",
            demo.IsOn ? DemoDataMode.Notice : "常州市失信惩戒对象（黑名单）中公示期内的最新认定，按认定日期从新到旧。",
            $"{baseUrl}/lists/black{query}",
            results.Hits.Select(h => BlackListEntry(h.Document, baseUrl, demo.IsOn)).ToList(),
            AtomFeed.StartOfDay(today)), cancellationToken);
    }

    private static AtomEntry BlackListEntry(SearchDocument d, string baseUrl, bool demo)
    {
        var summary = new StringBuilder();
        if (demo) { summary.Append(DemoDataMode.Notice); }
        if (d.Uscc is not null) { summary.Append(CultureInfo.InvariantCulture, $"统一社会信用代码：{d.Uscc}；"); }
        if (d.MaskedIdNumber is not null) { summary.Append(CultureInfo.InvariantCulture, $"身份证号码：{d.MaskedIdNumber}；"); }
        summary.Append(CultureInfo.InvariantCulture, $"领域：{d.Field}；认定单位：{d.IssuingDepartment}；决定文号：{d.DecisionNumber}；认定日期：{Iso(d.Date)}");
        if (d.Severity is { } severity) { summary.Append(CultureInfo.InvariantCulture, $"；失信程度：{severity.Label()}"); }
        if (d.PublicUntil is { } until) { summary.Append(CultureInfo.InvariantCulture, $"；公示截止：{Iso(until)}"); }
        if (d.Status == EntryStatus.UnderObjection) { summary.Append("；异议处理中"); }
        summary.Append('。');
        if ((d.Summary ?? d.Body) is { Length: > 0 } text) { summary.Append(Truncate(text, 300)); }
        var title = $"{(demo ? "【演示数据】" : string.Empty)}{d.SubjectName ?? d.Title}（{d.Field}）";
        return new AtomEntry(AtomFeed.TagId(baseUrl, d.Id), title, baseUrl + d.Url,
            AtomFeed.StartOfDay(d.Date), summary.ToString(), d.Field);
    }

    private static IResult RoleModels(HttpContext context, ContentLibrary library, TimeProvider time, PublicUrls urls) =>
        ContentFeed(context, urls, time, "role-models", "信用常州 · 诚信典型", "常州市诚信典型（诚信道德模范、守合同重信用企业等）发布，按发布日期从新到旧。",
            "/role-models", library.RoleModels.Take(FeedSize).Select(r => ((ContentPage)r, $"{r.Category} · {r.AwardedBy}")));

    private static IResult Announcements(HttpContext context, ContentLibrary library, TimeProvider time, PublicUrls urls) =>
        ContentFeed(context, urls, time, "announcements", "信用常州 · 公示公告", "常州市信用红黑名单认定等公示公告，按发布日期从新到旧。",
            "/announcements", library.Announcements.Take(FeedSize).Select(a => ((ContentPage)a, a.Issuer)));

    /// <summary>Content pages come from the content library (the published Markdown), not the index, so a feed is
    /// complete even before the first re-index.</summary>
    private static IResult ContentFeed(
        HttpContext context, PublicUrls urls, TimeProvider time, string name, string title, string subtitle, string page,
        IEnumerable<(ContentPage Page, string Category)> pages)
    {
        var baseUrl = urls.BaseUrl;
        var entries = pages.Select(p => new AtomEntry(AtomFeed.TagId(baseUrl, $"{name}:{p.Page.Slug}"), p.Page.Title, baseUrl + p.Page.Url,
            AtomFeed.StartOfDay(p.Page.Date), p.Page.Summary, p.Category)).ToList();
        context.Response.Headers.CacheControl = ShortCache;
        return Results.Text(AtomFeed.Write($"{baseUrl}/feeds/{name}.atom", title, subtitle, baseUrl + page, entries,
            AtomFeed.StartOfDay(CreditCalendar.Today(time))), AtomFeed.ContentType, Encoding.UTF8);
    }

    private static async Task<IResult> FeedAsync(
        HttpContext context, ISearchEngine engine, SearchRequest request, Func<SearchResults, string> write, CancellationToken cancellationToken)
    {
        // A search outage goes to SearchOutageHandler: a plain 503 text with Retry-After.
        var results = await engine.SearchAsync(request, cancellationToken);
        context.Response.Headers.CacheControl = ShortCache;
        return Results.Text(write(results), AtomFeed.ContentType, Encoding.UTF8);
    }

    private static IResult Sitemap(HttpContext context, ContentLibrary library, PublicUrls urls)
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var baseUrl = urls.BaseUrl;
        var pages = library.Policies.Cast<ContentPage>().Concat(library.RoleModels).Concat(library.Announcements);
        // Subject pages, search results and the lists are left out on purpose (SiteSections says why).
        var locations = SiteSections.All.Where(s => s.ForSearchEngines).Select(s => new XElement(sm + "url", new XElement(sm + "loc", baseUrl + s.Path)))
            .Concat(pages.Select(p => new XElement(sm + "url", new XElement(sm + "loc", baseUrl + p.Url), new XElement(sm + "lastmod", Iso(p.Date)))));
        context.Response.Headers.CacheControl = "public, max-age=3600";
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(sm + "urlset", locations));
        return Results.Text(AtomFeed.Serialise(document), "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static IResult Robots(PublicUrls urls) => Results.Text(
        $"""
        # 信用常州. Subject pages, search results and lists are not for crawling: an entry must leave public view on
        # its date (展示期限), and a search engine's copy would outlive it. Use the feeds or the open API instead.
        User-agent: *
        Disallow: /subjects/
        Disallow: /search
        Disallow: /lists/
        Disallow: /records/licence
        Disallow: /records/penalty
        Disallow: /records/commitment
        Disallow: /q/
        Disallow: /api/
        Disallow: /embed/
        Disallow: /feeds/
        Disallow: /reports/

        Sitemap: {urls.BaseUrl}/sitemap.xml

        """, "text/plain; charset=utf-8", Encoding.UTF8);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int max = 50) => text.Length <= max ? text : text[..max] + "…";
}
