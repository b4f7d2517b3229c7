using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Web.Features.Search;

/// <summary>How many documents of one kind a subject has in public view, and where its subject page lists them.</summary>
/// <param name="Url">The subject page's section; null when there is nothing to show (a count of 0).</param>
public sealed record SubjectRowCount(DocumentType Type, string Label, int Count, string? Url);

/// <summary>One subject as a row of the one-stop query (一站式查询), from a grouped hit: its current name (and the former
/// name when that is what the query matched), identifiers, counts per record kind linking to its page's sections, the
/// statuses that matter and the snippet of its best-matching document. The page, the embed window and the API show
/// the same row.</summary>
public sealed partial record SubjectRow(SearchHit Hit, SubjectSummary Subject, string? MatchedFormerName)
{
    /// <summary>The subject page, where every section lists what the counts count.</summary>
    public string Url => $"/subjects/{Subject.SubjectKey}";

    /// <summary>The current name, with the query's terms marked when the best document's title is that name (possibly
    /// followed by its kind, as in 常州某某有限公司（行政处罚）). HTML-encoded.</summary>
    public string NameHtml
    {
        get
        {
            var title = Hit.TitleHtml;
            if (PlainText(title) == Subject.Name)
            {
                return title;
            }

            // '（' is never inside a tag or an entity, so the cut leaves well-formed, encoded HTML.
            var cut = title.LastIndexOf('（');
            return cut > 0 && PlainText(title[..cut]) == Subject.Name ? title[..cut] : WebUtility.HtmlEncode(Subject.Name);
        }
    }

    /// <summary>列入名单 · 行政许可 · 行政处罚 · 信用承诺 always (a 0 says something too), then 诚信典型 when there is one.</summary>
    public IReadOnlyList<SubjectRowCount> Counts
    {
        get
        {
            var listSection = Subject.Lists.Contains(ListKind.Black) ? "#basic" : "#rewards";
            var counts = new List<SubjectRowCount>
            {
                Count(DocumentType.ListEntry, "列入名单", listSection),
                Count(DocumentType.Licence, "行政许可", "#licences"),
                Count(DocumentType.Penalty, "行政处罚", "#penalties"),
                Count(DocumentType.Commitment, "信用承诺", "#commitments"),
            };
            if (CountOf(DocumentType.RoleModel) > 0)
            {
                counts.Add(Count(DocumentType.RoleModel, "诚信典型", "#rewards"));
            }

            return counts;
        }
    }

    /// <summary>Black list first: it is what a person checking a company looks for.</summary>
    public IReadOnlyList<ListKind> Lists => Subject.Lists.OrderByDescending(k => k == ListKind.Black).ToList();

    /// <summary>Statuses beyond plain 公示中 (异议处理中 …).</summary>
    public IReadOnlyList<EntryStatus> Statuses => Subject.Statuses.Where(s => s != EntryStatus.Active).ToList();

    /// <summary>What the best-matching document is, said before its snippet (行政处罚, 红名单 …).</summary>
    public string MatchedKindLabel => Hit.Document is { Type: DocumentType.ListEntry, ListKind: { } kind } ? kind.Label() : SearchParameters.TypeLabel(Hit.Document.Type);

    public int CountOf(DocumentType type) => Subject.Counts.TryGetValue(type, out var n) ? n : 0;

    /// <summary>The row of a grouped hit, or null for a hit that is not a subject (a policy, an announcement, a role
    /// model without a subject) or comes from an ungrouped search.</summary>
    /// <param name="queryText">The text the visitor typed (null for identifier and browse queries): says whether a
    /// former name is what matched.</param>
    public static SubjectRow? Of(SearchHit hit, string? queryText)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (hit.Subject is not { } subject)
        {
            return null;
        }

        // A record issued under an earlier name (no registry record says so) is found by that name too.
        var formerNames = subject.FormerNames.ToList();
        if (hit.Document.SubjectName is { Length: > 0 } documentName && documentName != subject.Name && !formerNames.Contains(documentName))
        {
            formerNames.Add(documentName);
        }

        return new SubjectRow(hit, subject, FormerNameMatch.Of(subject.Name, formerNames, queryText));
    }

    private SubjectRowCount Count(DocumentType type, string label, string section)
    {
        var n = CountOf(type);
        return new SubjectRowCount(type, label, n, n > 0 ? Url + section : null);
    }

    private static string PlainText(string html) => WebUtility.HtmlDecode(Mark().Replace(html, string.Empty));

    [GeneratedRegex("</?mark>")]
    private static partial Regex Mark();
}
