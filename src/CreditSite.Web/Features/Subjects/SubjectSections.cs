using System.Globalization;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Storage;
using CreditSite.Web.Features.Search;

namespace CreditSite.Web.Features.Subjects;

/// <summary>One section of a subject page (行政许可, 行政处罚, 守信激励 …): the records of the page being shown, newest
/// first, with the section's own count and paging (<see cref="PageParameter"/> in the query string).</summary>
public sealed record SubjectSection(
    string Id, string Title, string PageParameter, long Total, IReadOnlyList<SearchDocument> Items, int Page, int PageCount, string EmptyText)
{
    public bool IsEmpty => Total == 0;
}

/// <summary>Everything in public view about one credit subject, in the national portal's shape (信用中国): 基础信息,
/// 行政许可, 行政处罚, 守信激励 (red list and honours), 严重失信主体名单 (black list), 信用承诺, 其他.</summary>
public sealed record SubjectPage(
    string SubjectKey, string Name, string? Uscc, string? MaskedIdNumber, SubjectType SubjectType, RegistrySubject? Registry,
    IReadOnlyList<SubjectSection> Sections)
{
    public SubjectSection this[string id] => Sections.First(s => s.Id == id);

    /// <summary>Black-list entries of every severity (严重失信主体名单 and 其他), as the status badge counts them.</summary>
    public long DishonestyTotal => this[SubjectSections.BlackList].Total + this[SubjectSections.Other].Total;

    public long RewardTotal => this[SubjectSections.Rewards].Total;

    public bool HasUnderObjection => Sections.SelectMany(s => s.Items)
        .Any(d => d.Status == EntryStatus.UnderObjection || d.RecordStatus == RecordStatus.UnderObjection);
}

/// <summary>Loads a <see cref="SubjectPage"/>. The record sections ask the search engine (which applies the day's
/// visibility, so both engines show the same); the registry record comes from the store (it never expires).</summary>
public static class SubjectSections
{
    public const int PageSize = 10;

    public const string Licences = "licences";
    public const string Penalties = "penalties";
    public const string Rewards = "rewards";
    public const string BlackList = "black-list";
    public const string Commitments = "commitments";
    public const string Other = "other";

    /// <summary>List entries and honours per subject are few: they are read at once and paged here.</summary>
    private const int MaxListEntries = 100;

    /// <summary>Section id → its page parameter, in the order the page shows the sections.</summary>
    public static readonly IReadOnlyList<(string Id, string Parameter)> PageParameters =
    [
        (Licences, "licence_page"), (Penalties, "penalty_page"), (Rewards, "reward_page"),
        (BlackList, "black_page"), (Commitments, "commitment_page"), (Other, "other_page"),
    ];

    /// <summary>Reads each section's page from the query string: missing is 1; anything but a whole number from 1 to
    /// <see cref="SearchParameters.MaxPage"/> is an error, said in Chinese.</summary>
    public static (IReadOnlyDictionary<string, int> Pages, IReadOnlyList<string> Errors) ParsePages(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (id, parameter) in PageParameters)
        {
            var text = query.TryGetValue(parameter, out var value) ? QueryText.Clean(value.ToString()) : null;
            if (text is null)
            {
                pages[id] = 1;
            }
            else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= SearchParameters.MaxPage)
            {
                pages[id] = page;
            }
            else
            {
                errors.Add($"参数 {parameter} 应为 1 到 {SearchParameters.MaxPage} 之间的整数。");
            }
        }

        return (pages, errors);
    }

    /// <summary>Null when the store has no registry record and nothing about the subject is in public view.</summary>
    public static async Task<SubjectPage?> LoadAsync(
        ISearchEngine engine, RecordStore records, string subjectKey, bool isPerson, DateOnly today,
        IReadOnlyDictionary<string, int> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pages);
        int PageOf(string id) => pages.TryGetValue(id, out var page) ? page : 1;

        var registryTask = isPerson ? Task.FromResult<RegistrySubject?>(null) : records.FindSubjectAsync(subjectKey, cancellationToken);
        var licencesTask = RecordSectionAsync(engine, subjectKey, today, Licences, "行政许可", DocumentType.Licence, PageOf(Licences), "暂无公示中的行政许可信息。", cancellationToken);
        var penaltiesTask = RecordSectionAsync(engine, subjectKey, today, Penalties, "行政处罚", DocumentType.Penalty, PageOf(Penalties), "暂无公示中的行政处罚信息。", cancellationToken);
        var commitmentsTask = RecordSectionAsync(engine, subjectKey, today, Commitments, "信用承诺", DocumentType.Commitment, PageOf(Commitments), "暂无公示中的信用承诺。", cancellationToken);
        var entriesTask = engine.SearchAsync(new SearchRequest
        {
            SubjectKey = subjectKey,
            Types = [DocumentType.ListEntry],
            Sort = SearchSort.Newest,
            PageSize = MaxListEntries,
            Today = today,
            WithFacets = false,
        }, cancellationToken);
        var honoursTask = isPerson
            ? Task.FromResult<IReadOnlyList<SearchHit>>([])
            : HonoursAsync(engine, subjectKey, today, cancellationToken);

        await Task.WhenAll(registryTask, licencesTask, penaltiesTask, commitmentsTask, entriesTask, honoursTask);
        var registry = await registryTask;
        var entries = (await entriesTask).Hits.Select(h => h.Document).ToList();
        var honours = (await honoursTask).Select(h => h.Document).ToList();

        // 守信激励: honours (诚信典型) and red-list entries together, newest first. The black list is serious by
        // definition (严重失信主体名单); a black-list entry of lesser severity is another dishonesty record (其他).
        var rewards = honours.Concat(entries.Where(d => d.ListKind == ListKind.Red)).OrderByDescending(d => d.Date).ToList();
        var black = entries.Where(d => d.ListKind == ListKind.Black && d.Severity is null or Severity.Serious).ToList();
        var other = entries.Where(d => d.ListKind == ListKind.Black && d.Severity is Severity.General or Severity.Minor).ToList();

        IReadOnlyList<SubjectSection> sections =
        [
            await licencesTask,
            await penaltiesTask,
            InMemory(Rewards, "守信激励", rewards, PageOf(Rewards), "暂无守信激励信息。"),
            InMemory(BlackList, "严重失信主体名单", black, PageOf(BlackList), "暂无公示中的严重失信信息。"),
            await commitmentsTask,
            InMemory(Other, "其他", other, PageOf(Other), "暂无其他公示信息。"),
        ];

        if (registry is null && sections.All(s => s.IsEmpty))
        {
            return null;
        }

        var first = sections.SelectMany(s => s.Items).FirstOrDefault(d => d.Type != DocumentType.RoleModel)
            ?? sections.SelectMany(s => s.Items).FirstOrDefault();
        var subjectType = first?.SubjectType
            ?? (isPerson ? SubjectType.NaturalPerson
                : registry?.EntityType?.Contains("个体", StringComparison.Ordinal) == true ? SubjectType.IndividualBusiness : SubjectType.LegalPerson);
        return new SubjectPage(
            subjectKey,
            registry?.Name ?? first?.SubjectName ?? first?.Title ?? subjectKey,
            isPerson ? null : subjectKey,
            sections.SelectMany(s => s.Items).Select(d => d.MaskedIdNumber).FirstOrDefault(m => m is not null),
            subjectType,
            registry,
            sections);
    }

    private static async Task<IReadOnlyList<SearchHit>> HonoursAsync(ISearchEngine engine, string uscc, DateOnly today, CancellationToken cancellationToken)
    {
        var results = await engine.SearchAsync(new SearchRequest
        {
            Identifier = new IdentifierFilter(uscc, null),
            Types = [DocumentType.RoleModel],
            Sort = SearchSort.Newest,
            PageSize = MaxListEntries,
            Today = today,
            WithFacets = false,
        }, cancellationToken);
        return results.Hits;
    }

    /// <summary>One record kind's section, paged by the engine. A page past the end shows the last page.</summary>
    private static async Task<SubjectSection> RecordSectionAsync(
        ISearchEngine engine, string subjectKey, DateOnly today, string id, string title, DocumentType type, int page, string emptyText,
        CancellationToken cancellationToken)
    {
        SearchRequest Request(int p) => new()
        {
            SubjectKey = subjectKey,
            Types = [type],
            Sort = SearchSort.Newest,
            Page = p,
            PageSize = PageSize,
            Today = today,
            WithFacets = false,
        };

        var results = await engine.SearchAsync(Request(page), cancellationToken);
        if (results.Total > 0 && page > results.PageCount)
        {
            page = results.PageCount;
            results = await engine.SearchAsync(Request(page), cancellationToken);
        }

        return new SubjectSection(id, title, ParameterOf(id), results.Total, results.Hits.Select(h => h.Document).ToList(), page,
            Math.Max(1, results.PageCount), emptyText);
    }

    private static SubjectSection InMemory(string id, string title, List<SearchDocument> all, int page, string emptyText)
    {
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        page = Math.Min(page, pageCount);
        return new SubjectSection(id, title, ParameterOf(id), all.Count, all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, pageCount, emptyText);
    }

    private static string ParameterOf(string id) => PageParameters.First(p => p.Id == id).Parameter;
}
