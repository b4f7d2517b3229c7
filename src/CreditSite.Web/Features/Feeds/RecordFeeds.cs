using System.Globalization;
using System.Text;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Site.ListSync;

namespace CreditSite.Web.Features.Feeds;

/// <summary>Atom feeds of the public records, one per kind: <c>/feeds/licences.atom</c> (行政许可),
/// <c>/feeds/penalties.atom</c> (行政处罚), <c>/feeds/commitments.atom</c> (信用承诺). From the index, so only what is in
/// public view on the request's day (a withdrawn or expired record is gone the day it leaves), newest decision first,
/// each entry linking to the record's page; a person appears with the masked ID number only.</summary>
public static class RecordFeeds
{
    public static string PathOf(RecordKind kind) => kind switch
    {
        RecordKind.Licence => "/feeds/licences.atom",
        RecordKind.Penalty => "/feeds/penalties.atom",
        _ => "/feeds/commitments.atom",
    };

    /// <summary>The feed's title, also the <c>title</c> of its discovery link.</summary>
    public static string TitleOf(RecordKind kind) => "信用常州 · " + kind.Label();

    /// <summary>The page people read the same records on (the kind's 双公示 list).</summary>
    public static string PageOf(RecordKind kind) => "/records/" + kind.Code();

    public static IEndpointRouteBuilder MapRecordFeeds(this IEndpointRouteBuilder app)
    {
        foreach (var kind in RecordText.AllKinds)
        {
            app.MapGet(PathOf(kind), (HttpContext context, ISearchEngine engine, TimeProvider time, PublicUrls urls, DemoDataMode demo, CancellationToken cancellationToken) =>
                FeedAsync(kind, context, engine, time, urls, demo, cancellationToken)).ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<IResult> FeedAsync(
        RecordKind kind, HttpContext context, ISearchEngine engine, TimeProvider time, PublicUrls urls, DemoDataMode demo, CancellationToken cancellationToken)
    {
        var baseUrl = urls.BaseUrl;
        var today = CreditCalendar.Today(time);
        // A search outage goes to SearchOutageHandler: a plain 503 text with Retry-After.
        var results = await engine.SearchAsync(new SearchRequest
        {
            Types = [DocumentTypeText.Of(kind)],
            Sort = SearchSort.Newest,
            PageSize = FeedsFeature.FeedSize,
            WithFacets = false,
            Today = today,
        }, cancellationToken);
        var subtitle = demo.IsOn ? DemoDataMode.Notice : kind switch
        {
            RecordKind.Licence => "常州市各部门作出的行政许可决定（双公示），按许可决定日期从新到旧。",
            RecordKind.Penalty => "常州市各部门作出的行政处罚决定（双公示）中公示期内的记录，按处罚决定日期从新到旧。",
            _ => "常州市信用主体作出的信用承诺中公示期内的记录，按承诺日期从新到旧。",
        };
        context.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Text(AtomFeed.Write(
            baseUrl + PathOf(kind), TitleOf(kind), subtitle, baseUrl + PageOf(kind),
            results.Hits.Select(h => Entry(kind, h.Document, baseUrl, demo.IsOn)).ToList(),
            AtomFeed.StartOfDay(today)), AtomFeed.ContentType, Encoding.UTF8);
    }

    private static AtomEntry Entry(RecordKind kind, SearchDocument d, string baseUrl, bool demo)
    {
        var category = kind == RecordKind.Penalty && d.PenaltyTypes is { Count: > 0 } types ? string.Join("、", types) : d.Category;
        var summary = new StringBuilder();
        if (demo) { summary.Append(DemoDataMode.Notice); }
        if (d.Uscc is not null) { summary.Append(CultureInfo.InvariantCulture, $"统一社会信用代码：{d.Uscc}；"); }
        if (d.MaskedIdNumber is not null) { summary.Append(CultureInfo.InvariantCulture, $"身份证号码：{d.MaskedIdNumber}；"); }
        if (d.DecisionNumber is not null) { summary.Append(CultureInfo.InvariantCulture, $"{(kind == RecordKind.Licence ? "许可决定文书号" : "处罚决定书文号")}：{d.DecisionNumber}；"); }
        if (category is not null)
        {
            summary.Append(CultureInfo.InvariantCulture, $"{kind switch { RecordKind.Licence => "许可类别", RecordKind.Penalty => "处罚类别", _ => "承诺类型" }}：{category}；");
        }

        summary.Append(CultureInfo.InvariantCulture, $"{kind switch { RecordKind.Licence => "许可机关", RecordKind.Penalty => "处罚机关", _ => "承诺受理单位" }}：{d.IssuingDepartment}；");
        summary.Append(CultureInfo.InvariantCulture, $"{(kind == RecordKind.Commitment ? "承诺日期" : "决定日期")}：{Iso(d.Date)}");
        if (d.PublicUntil is { } until) { summary.Append(CultureInfo.InvariantCulture, $"；{(kind == RecordKind.Licence ? "有效期至" : "公示截止")}：{Iso(until)}"); }
        if (d.RecordStatus is { } status) { summary.Append(CultureInfo.InvariantCulture, $"；状态：{status.Label(kind)}"); }
        summary.Append('。');
        if (d.Summary is { Length: > 0 } text) { summary.Append(text.Length <= 300 ? text : text[..300] + "…"); }
        var title = $"{(demo ? "【演示数据】" : string.Empty)}{d.Title}";
        return new AtomEntry(AtomFeed.TagId(baseUrl, d.Id), title, baseUrl + d.Url, AtomFeed.StartOfDay(d.Date), summary.ToString(), category);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
