using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Storage;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>An organisation's registry record (基础信息) and its licences, penalties and commitments in public view on a
/// day. Which ones are in view is the search contract's answer, as everywhere on the site (the engine applies periods
/// and statuses); their full fields come from the store, which drops any the index has not yet caught up with.</summary>
public sealed record SubjectPublicRecords(
    RegistrySubject? Registration, IReadOnlyList<PublicRecord> Licences, IReadOnlyList<PublicRecord> Penalties, IReadOnlyList<PublicRecord> Commitments)
{
    private const int PageSize = 100;

    /// <summary>A safety stop: no real subject has this many public records.</summary>
    private const int MaxPages = 50;

    public bool IsEmpty => Registration is null && Licences.Count == 0 && Penalties.Count == 0 && Commitments.Count == 0;

    /// <summary>The name and type the records give the subject, when there is no list entry to say.</summary>
    public (string Name, SubjectType Type)? Subject =>
        Registration is { } r ? (r.Name, r.EntityType?.Contains("个体", StringComparison.Ordinal) == true ? SubjectType.IndividualBusiness : SubjectType.LegalPerson)
        : Licences.Concat(Penalties).Concat(Commitments).Select(p => ((string, SubjectType)?)(p.SubjectName, p.SubjectType)).FirstOrDefault();

    public static async Task<SubjectPublicRecords> LoadAsync(
        ISearchEngine engine, RecordStore store, string uscc, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        var visible = new HashSet<(RecordKind, string)>();
        var registered = false;
        for (var page = 1; page <= MaxPages; page++)
        {
            var results = await engine.SearchAsync(new SearchRequest
            {
                SubjectKey = uscc,
                Types = [DocumentType.Licence, DocumentType.Penalty, DocumentType.Commitment, DocumentType.Subject],
                Sort = SearchSort.Newest,
                Page = page,
                PageSize = PageSize,
                Today = today,
                WithFacets = false,
            }, cancellationToken);
            foreach (var document in results.Hits.Select(h => h.Document))
            {
                if (DocumentTypeText.RecordKindOf(document.Type) is { } kind && document.EntryId is { } id)
                {
                    visible.Add((kind, id));
                }
                else if (document.Type == DocumentType.Subject)
                {
                    registered = true;
                }
            }

            if (page >= results.PageCount || results.Hits.Count == 0)
            {
                break;
            }
        }

        var records = visible.Count == 0 ? [] : (await store.BySubjectAsync(uscc, cancellationToken))
            .Where(r => visible.Contains((r.Kind, r.RecordId)) && r.IsPublicOn(today))
            .OrderByDescending(r => r.DecisionDate).ThenBy(r => r.RecordId, StringComparer.Ordinal)
            .ToList();
        var registration = registered ? await store.FindSubjectAsync(uscc, cancellationToken) : null;
        return new SubjectPublicRecords(
            registration,
            records.Where(r => r.Kind == RecordKind.Licence).ToList(),
            records.Where(r => r.Kind == RecordKind.Penalty).ToList(),
            records.Where(r => r.Kind == RecordKind.Commitment).ToList());
    }
}
