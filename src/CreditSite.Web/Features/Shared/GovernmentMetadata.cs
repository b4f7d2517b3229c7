using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CreditSite.Web.Features;

/// <summary>The page metadata a government-website inspection reads (《政府网站发展指引》 and the annual criteria):
/// <c>ColumnName</c>, <c>ColumnType</c>, <c>ColumnDescription</c> on a column's list page; <c>ArticleTitle</c>,
/// <c>PubDate</c> and <c>ContentSource</c> on an article. A page sets them; the layout writes the meta tags.</summary>
public static class GovernmentMetadata
{
    /// <summary>Meta name → content, in the order the layout writes them.</summary>
    private const string Key = "GovernmentMetadata";

    public static void Column(this ViewDataDictionary viewData, string name, string type, string description) =>
        Set(viewData, [("ColumnName", name), ("ColumnType", type), ("ColumnDescription", description)]);

    /// <param name="published">The publication date; content has a date only, written as 00:00 of that day.</param>
    /// <param name="source">Who issued or awarded it (发布机构).</param>
    public static void Article(this ViewDataDictionary viewData, string column, string title, DateOnly published, string source) =>
        Set(viewData,
        [
            ("ColumnName", column),
            ("ArticleTitle", title),
            ("PubDate", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00"),
            ("ContentSource", source),
        ]);

    /// <summary>Records with a publication period (subjects, lists, search answers) must not live on in a search
    /// engine's copy after they expire or are repaired: such pages ask not to be indexed (robots.txt also keeps
    /// crawlers out; a page reached by a link elsewhere still says noindex).</summary>
    public static void NotForSearchEngines(this ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[NoIndexKey] = true;
    }

    public static bool IsNotForSearchEngines(ViewDataDictionary viewData) => viewData?[NoIndexKey] is true;

    private const string NoIndexKey = "NoIndex";

    public static IReadOnlyList<(string Name, string Content)> Of(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData[Key] as IReadOnlyList<(string, string)> ?? [];
    }

    private static void Set(ViewDataDictionary viewData, IReadOnlyList<(string, string)> values)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[Key] = values;
    }
}
