using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Reports;

/// <summary>Gathers every record about a subject that is in public view on a day — list entries, honours, licences,
/// penalties, commitments and (for an organisation) its registry record — through the search contract (the engine
/// applies visibility: entries past their period, exited or repaired, and withdrawn records are never returned).</summary>
public static class ReportContentGatherer
{
    private const int PageSize = 100;

    /// <summary>A safety stop: no real subject has this many public records.</summary>
    private const int MaxPages = 50;

    private static readonly DocumentType[] RecordTypes =
        [DocumentType.ListEntry, DocumentType.RoleModel, DocumentType.Licence, DocumentType.Penalty, DocumentType.Commitment];

    public static Task<ReportContent> GatherAsync(
        ISearchEngine engine, ReportSubject subject, DateOnly today, CancellationToken cancellationToken = default) =>
        GatherAsync(engine, subject, today, findRegistration: null, cancellationToken);

    /// <param name="findRegistration">Reads an organisation's registry record (基础信息) by USCC from the store, for the
    /// fields the index does not hold; asked only when the search finds the registry record in public view.</param>
    public static async Task<ReportContent> GatherAsync(
        ISearchEngine engine, ReportSubject subject, DateOnly today, Func<string, CancellationToken, Task<RegistrySubject?>>? findRegistration,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(subject);

        var identifier = subject.Kind == ReportKind.Enterprise
            ? new IdentifierFilter(subject.Uscc, null)
            : new IdentifierFilter(null, subject.ResidentIdHash);

        var documents = new List<SearchDocument>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var results = await engine.SearchAsync(new SearchRequest
            {
                Identifier = identifier,
                Types = subject.Kind == ReportKind.Enterprise ? [.. RecordTypes, DocumentType.Subject] : RecordTypes,
                Sort = SearchSort.Newest,
                Page = page,
                PageSize = PageSize,
                Today = today,
                WithFacets = false,
            }, cancellationToken);
            documents.AddRange(results.Hits.Select(h => h.Document));
            if (page >= results.PageCount || results.Hits.Count == 0)
            {
                break;
            }
        }

        RegistrySubject? registration = null;
        if (findRegistration is not null && subject.Uscc is { } uscc && documents.Any(d => d.Type == DocumentType.Subject && d.Uscc == uscc))
        {
            registration = await findRegistration(uscc, cancellationToken);
        }

        return Build(subject, today, documents, registration);
    }

    public static ReportContent Build(ReportSubject subject, DateOnly today, IEnumerable<SearchDocument> documents, RegistrySubject? registration = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var items = documents
            .DistinctBy(d => d.Id)
            .OrderByDescending(d => d.Date)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => (d, item: ToItem(d)))
            .ToList();

        return new ReportContent
        {
            Kind = subject.Kind,
            SubjectName = subject.Name,
            Uscc = subject.Uscc,
            MaskedIdNumber = subject.MaskedIdNumber,
            AsOf = today,
            Honours = items.Where(x => x.d.Type == DocumentType.RoleModel || x.d.ListKind == ListKind.Red).Select(x => x.item).ToList(),
            BlackList = items.Where(x => x.d.Type == DocumentType.ListEntry && x.d.ListKind == ListKind.Black).Select(x => x.item).ToList(),
            Licences = items.Where(x => x.d.Type == DocumentType.Licence).Select(x => x.item).ToList(),
            Penalties = items.Where(x => x.d.Type == DocumentType.Penalty).Select(x => x.item).ToList(),
            Commitments = items.Where(x => x.d.Type == DocumentType.Commitment).Select(x => x.item).ToList(),
            Registration = registration is null ? null : ReportRegistration.From(registration),
        };
    }

    private static ReportItem ToItem(SearchDocument d) => new()
    {
        Title = d.Title,
        ListKind = d.Type == DocumentType.ListEntry ? d.ListKind : null,
        IsRoleModel = d.Type == DocumentType.RoleModel,
        RecordKind = DocumentTypeText.RecordKindOf(d.Type),
        RecordStatus = d.RecordStatus,
        PenaltyTypes = d.PenaltyTypes,
        Category = d.Category,
        Field = d.Field,
        IssuingDepartment = d.IssuingDepartment,
        DecisionNumber = d.DecisionNumber,
        Date = d.Date,
        PublicUntil = d.PublicUntil,
        Severity = d.Severity,
        Status = d.Status,
        LegalBasis = d.LegalBasis,
        // The decision's own summary; the indexed body also holds the legal basis, number, department and field,
        // which the report prints separately. Role models have no separate summary: their body is the citation.
        Summary = d.Summary ?? (d.Type == DocumentType.RoleModel ? d.Body : null),
    };
}
