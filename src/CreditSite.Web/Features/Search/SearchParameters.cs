using System.Globalization;
using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Web.Features.Search;

/// <summary>The query-string parameters shared by <c>/search</c>, <c>/lists/*</c> and <c>GET /api/v1/search</c>,
/// as a person or a platform typed them. <see cref="Build"/> turns them into a <see cref="SearchRequest"/> or says what
/// is wrong with them, in Chinese.</summary>
public sealed class SearchParameters
{
    public const int MaxPage = 500;
    public const int MaxPageSize = 100;

    public string? Q { get; set; }

    /// <summary><c>list_entry</c>, <c>role_model</c>, <c>policy</c>, <c>announcement</c>, <c>licence</c>, <c>penalty</c>,
    /// <c>commitment</c>, <c>subject</c>; comma-separated.</summary>
    public string? Type { get; set; }

    /// <summary><c>red</c> or <c>black</c>.</summary>
    public string? Kind { get; set; }

    public string? Field { get; set; }

    public string? Department { get; set; }

    /// <summary><c>legal_person</c>, <c>natural_person</c>, <c>individual_business</c>, <c>other_org</c>.</summary>
    public string? SubjectType { get; set; }

    /// <summary>Decision date range, <c>yyyy-MM-dd</c>.</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>许可类别 of licences, 承诺类型 of commitments (values from the catalogue), honour category of role models.</summary>
    public string? Category { get; set; }

    /// <summary>处罚类别 of penalties (a value from the catalogue).</summary>
    public string? PenaltyType { get; set; }

    /// <summary><c>relevance</c> (default) or <c>newest</c>.</summary>
    public string? Sort { get; set; }

    /// <summary><c>subject</c> (default where the caller groups: one row per subject) or <c>none</c> (one row per
    /// document, as the API answered before grouping).</summary>
    public string? Group { get; set; }

    public string? Page { get; set; }

    public string? PageSize { get; set; }

    /// <summary>Whether anything beyond the text narrows the answer (an empty answer then offers to drop it).</summary>
    public bool HasFilters =>
        !string.IsNullOrEmpty(Type) || !string.IsNullOrEmpty(Kind) || !string.IsNullOrEmpty(Field) || !string.IsNullOrEmpty(Department)
        || !string.IsNullOrEmpty(SubjectType) || !string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(To)
        || !string.IsNullOrEmpty(Category) || !string.IsNullOrEmpty(PenaltyType);

    public static SearchParameters FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        return new SearchParameters
        {
            Q = Get("q"), Type = Get("type"), Kind = Get("kind"), Field = Get("field"), Department = Get("department"),
            SubjectType = Get("subject_type"), From = Get("from"), To = Get("to"), Sort = Get("sort"),
            Category = Get("category"), PenaltyType = Get("penalty_type"),
            Group = Get("group"), Page = Get("page"), PageSize = Get("page_size"),
        };
    }

    public static string TypeCode(DocumentType type) => type.Code();

    public static string TypeLabel(DocumentType type) => type switch
    {
        DocumentType.ListEntry => "信用红黑名单",
        DocumentType.RoleModel => "诚信典型",
        DocumentType.Policy => "政策法规",
        DocumentType.Licence => "行政许可",
        DocumentType.Penalty => "行政处罚",
        DocumentType.Commitment => "信用承诺",
        DocumentType.Subject => "基础信息",
        _ => "公示公告",
    };

    public static bool TryParseType(string code, out DocumentType type) => DocumentTypeText.TryParseDocumentType(code, out type);

    /// <summary>The codes of <c>group=</c>: one row per subject, or one per document.</summary>
    public const string GroupBySubjectCode = "subject";

    public const string GroupNoneCode = "none";

    /// <summary>The wire code of a sort order in <c>sort=</c>.</summary>
    public static string SortCode(SearchSort sort) => sort == SearchSort.Newest ? "newest" : "relevance";

    public static string SortLabel(SearchSort sort) => sort == SearchSort.Newest ? "按日期从新到旧" : "按相关度";

    public static bool TryParseSort(string code, out SearchSort sort)
    {
        foreach (var candidate in Enum.GetValues<SearchSort>())
        {
            if (string.Equals(SortCode(candidate), code, StringComparison.OrdinalIgnoreCase))
            {
                sort = candidate;
                return true;
            }
        }

        sort = SearchSort.Relevance;
        return false;
    }

    /// <summary>Builds the engine request. Errors name the parameter and the reason; the request is null when there
    /// are any, or when the query is a broken identifier (<see cref="InterpretedQuery.Message"/> says why).</summary>
    /// <param name="groupBySubject">The one-stop query (page, API, embed window): one row per subject.</param>
    public (SearchRequest? Request, InterpretedQuery Query, IReadOnlyList<string> Errors) Build(
        SearchQueryInterpreter interpreter, DateOnly today, int defaultPageSize = 20, bool groupBySubject = false)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        var errors = new List<string>();
        var query = interpreter.Interpret(Clean(Q));

        var types = new List<DocumentType>();
        foreach (var part in (Clean(Type) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParseType(part, out var t))
            {
                types.Add(t);
            }
            else
            {
                errors.Add("参数 type 只能是 list_entry、role_model、policy、announcement、licence（行政许可）、penalty（行政处罚）、commitment（信用承诺）或 subject（基础信息）。");
            }
        }

        ListKind? kind = null;
        if (Clean(Kind) is { } k)
        {
            if (DomainText.TryParseListKind(k, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors.Add("参数 kind 只能是 red（红名单）或 black（黑名单）。");
            }
        }

        SubjectType? subjectType = null;
        if (Clean(SubjectType) is { } st)
        {
            if (DomainText.TryParseSubjectType(st, out var parsed))
            {
                subjectType = parsed;
            }
            else
            {
                errors.Add("参数 subject_type 只能是 legal_person（法人）、natural_person（自然人）、individual_business（个体工商户）或 other_org（其他组织）。");
            }
        }

        var field = Clean(Field);
        if (field is not null && field.Length > 50)
        {
            errors.Add("参数 field 过长。");
        }

        var department = Clean(Department);
        if (department is not null && department.Length > 100)
        {
            errors.Add("参数 department 过长。");
        }

        var category = Clean(Category);
        if (category is not null && category.Length > 50)
        {
            errors.Add("参数 category 过长。");
        }

        var penaltyType = Clean(PenaltyType);
        if (penaltyType is not null && penaltyType.Length > 50)
        {
            errors.Add("参数 penalty_type 过长。");
        }

        var from = ParseDate(From, "from", errors);
        var to = ParseDate(To, "to", errors);
        if (from is not null && to is not null && from > to)
        {
            errors.Add("起始日期不能晚于截止日期。");
        }

        var sort = SearchSort.Relevance;
        if (Clean(Sort) is { } sortCode && !TryParseSort(sortCode, out sort))
        {
            errors.Add("参数 sort 只能是 relevance 或 newest。");
        }

        if (Clean(Group) is { } group)
        {
            if (string.Equals(group, GroupNoneCode, StringComparison.OrdinalIgnoreCase))
            {
                groupBySubject = false;
            }
            else if (!string.Equals(group, GroupBySubjectCode, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("参数 group 只能是 subject（按信用主体合并）或 none（每条信息一行）。");
            }
        }

        var page = ParseInt(Page, "page", 1, MaxPage, 1, errors);
        var pageSize = ParseInt(PageSize, "page_size", 1, MaxPageSize, defaultPageSize, errors);

        if (errors.Count > 0 || query.Kind == QueryKind.InvalidIdentifier)
        {
            return (null, query, errors);
        }

        var request = new SearchRequest
        {
            Text = query.Kind == QueryKind.Text ? query.Text : null,
            Identifier = query.Identifier,
            Types = types,
            ListKind = kind,
            Field = field,
            IssuingDepartment = department,
            SubjectType = subjectType,
            DecidedFrom = from,
            DecidedTo = to,
            Category = category,
            PenaltyType = penaltyType,
            Sort = query.Kind == QueryKind.Browse && Clean(Sort) is null ? SearchSort.Newest : sort,
            Page = page,
            PageSize = pageSize,
            Today = today,
            GroupBySubject = groupBySubject,
        };
        return (request, query, errors);
    }

    /// <summary>The same parameters with one changed (null removes it) and the page reset: for facet and pager links.</summary>
    public string LinkWith(string path, string name, string? value)
    {
        var values = new List<KeyValuePair<string, string?>>
        {
            new("q", Q), new("type", Type), new("kind", Kind), new("field", Field), new("department", Department),
            new("subject_type", SubjectType), new("from", From), new("to", To), new("sort", Sort),
            new("category", Category), new("penalty_type", PenaltyType), new("group", Group),
        };
        values.RemoveAll(p => p.Key == name || string.IsNullOrEmpty(p.Value));
        if (!string.IsNullOrEmpty(value))
        {
            values.Add(new(name, value));
        }

        return path + QueryString.Create(values).ToUriComponent();
    }

    // Every parameter goes through the site's one query cleaner: rare characters stay, controls go.
    private static string? Clean(string? value) => QueryText.Clean(value);

    private static DateOnly? ParseDate(string? value, string name, List<string> errors)
    {
        if (Clean(value) is not { } s)
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"参数 {name} 应为日期，格式 yyyy-MM-dd。");
        return null;
    }

    private static int ParseInt(string? value, string name, int min, int max, int fallback, List<string> errors)
    {
        if (Clean(value) is not { } s)
        {
            return fallback;
        }

        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors.Add($"参数 {name} 应为 {min} 到 {max} 之间的整数。");
        return fallback;
    }
}
