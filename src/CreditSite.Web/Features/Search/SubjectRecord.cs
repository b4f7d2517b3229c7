using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Web.Features.Search;

/// <summary>Everything in public view about one credit subject, grouped the way the national portal groups it:
/// 守信激励 (red list and honours), 严重失信主体名单 (black list), 其他.</summary>
public sealed record SubjectRecord(
    string SubjectKey, string Name, string? Uscc, string? MaskedIdNumber, SubjectType SubjectType,
    IReadOnlyList<SearchHit> RedList, IReadOnlyList<SearchHit> BlackList, IReadOnlyList<SearchHit> RoleModels)
{
    /// <summary>More than any real subject has; a subject page shows them all without paging.</summary>
    private const int MaxEntries = 100;

    public bool HasUnderObjection => RedList.Concat(BlackList).Any(h => h.Document.Status == EntryStatus.UnderObjection);

    /// <summary>Null when nothing about the subject is in public view.</summary>
    public static async Task<SubjectRecord?> LoadAsync(
        ISearchEngine engine, string subjectKey, bool isPerson, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var entries = await engine.SearchAsync(new SearchRequest
        {
            SubjectKey = subjectKey,
            Types = [DocumentType.ListEntry],
            Sort = SearchSort.Newest,
            PageSize = MaxEntries,
            Today = today,
            WithFacets = false,
        }, cancellationToken);

        IReadOnlyList<SearchHit> honours = [];
        if (!isPerson)
        {
            var roleModels = await engine.SearchAsync(new SearchRequest
            {
                Identifier = new IdentifierFilter(subjectKey, null),
                Types = [DocumentType.RoleModel],
                Sort = SearchSort.Newest,
                PageSize = MaxEntries,
                Today = today,
                WithFacets = false,
            }, cancellationToken);
            honours = roleModels.Hits;
        }

        var first = entries.Hits.Count > 0 ? entries.Hits[0].Document : honours.Count > 0 ? honours[0].Document : null;
        if (first is null)
        {
            return null;
        }

        return new SubjectRecord(
            subjectKey,
            first.SubjectName ?? first.Title,
            first.Uscc ?? (isPerson ? null : subjectKey),
            first.MaskedIdNumber,
            first.SubjectType ?? (isPerson ? SubjectType.NaturalPerson : SubjectType.LegalPerson),
            entries.Hits.Where(h => h.Document.ListKind == ListKind.Red).ToList(),
            entries.Hits.Where(h => h.Document.ListKind == ListKind.Black).ToList(),
            honours);
    }
}
