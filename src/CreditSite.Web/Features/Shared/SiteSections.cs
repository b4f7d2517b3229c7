namespace CreditSite.Web.Features;

/// <summary>The site's fixed sections, one list for the 网站地图 page and for <c>/sitemap.xml</c>. Search, the lists,
/// the 双公示 record lists and reports are on the page for people but not in the sitemap: records leave public view on their date, and a
/// search engine's copy would outlive it (see robots.txt and docs/accessibility.md).</summary>
public static class SiteSections
{
    public sealed record Section(string Path, string Label, bool ForSearchEngines);

    public static readonly IReadOnlyList<Section> All =
    [
        new("/", "首页", true),
        new("/search", "信用查询", false),
        new("/lists/red", "红名单", false),
        new("/lists/black", "黑名单", false),
        new("/records", "双公示", true),
        new("/records/licence", "行政许可公示", false),
        new("/records/penalty", "行政处罚公示", false),
        new("/records/commitment", "信用承诺公示", false),
        new("/records/timeliness", "公示及时率", true),
        new("/policies", "政策法规", true),
        new("/key-groups", "重点人群", true),
        new("/role-models", "诚信典型", true),
        new("/announcements", "公示公告", true),
        new("/reports", "信用报告", false),
        new("/reports/verify", "报告核验", false),
        new("/embed", "嵌入与徽章", true),
        new("/api", "开放接口", true),
        new("/site-map", "网站地图", true),
        new("/about/statement", "网站声明", true),
        new("/about/privacy", "隐私政策", true),
        new("/about/contact", "联系我们", true),
    ];
}
