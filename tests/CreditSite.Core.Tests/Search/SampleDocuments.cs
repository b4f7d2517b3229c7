using System.Globalization;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;

namespace CreditSite.Core.Tests.Search;

/// <summary>Fake but well-formed search documents for engine tests: list entries with valid USCCs, persons with an id
/// hash and a masked number only, role models, policies and announcements. Adjust any of them with <c>with { … }</c>.</summary>
public static partial class SampleDocuments
{
    /// <summary>The fake "today" every engine test searches with.</summary>
    public static readonly DateOnly Today = new(2025, 6, 15);

    /// <summary>A valid USCC of a Changzhou company: <paramref name="serial"/> becomes its organisation code.</summary>
    public static string Uscc(int serial, string division = "320402") =>
        UnifiedSocialCreditCode.Complete("91" + division + serial.ToString("D8", CultureInfo.InvariantCulture)).Value;

    /// <summary>A valid resident ID number (never given to an engine: only its hash and masked form are).</summary>
    public static ResidentIdNumber ResidentId(int serial) =>
        ResidentIdNumber.Complete("320402" + "1985" + "0612" + serial.ToString("D3", CultureInfo.InvariantCulture));

    public static string HashOf(ResidentIdNumber number) => new ResidentIdHasher("test-key-for-engine-contract").Hash(number);

    public static SearchDocument Entry(
        string entryId,
        string subjectName,
        ListKind kind = ListKind.Black,
        int usccSerial = 0,
        string field = "食品药品",
        string department = "市市场监督管理局",
        DateOnly? decided = null,
        DateOnly? publicUntil = null,
        EntryStatus status = EntryStatus.Active,
        string? body = null)
    {
        var uscc = Uscc(usccSerial == 0 ? Math.Abs(StableHash(entryId)) % 90_000_000 + 1 : usccSerial);
        var decisionDate = decided ?? Today.AddMonths(-2);
        return new SearchDocument
        {
            Id = "entry:" + entryId,
            Type = DocumentType.ListEntry,
            Title = subjectName,
            Body = body ?? $"{subjectName}因违反{field}领域相关规定，被{department}列入{kind.Label()}。",
            Url = "/subjects/" + uscc,
            Date = decisionDate,
            EntryId = entryId,
            ListKind = kind,
            SubjectType = SubjectType.LegalPerson,
            SubjectName = subjectName,
            SubjectKey = uscc,
            Uscc = uscc,
            Field = field,
            IssuingDepartment = department,
            DecisionNumber = $"常市监罚〔{decisionDate.Year}〕{Math.Abs(StableHash(entryId)) % 1000}号",
            PublicUntil = publicUntil ?? decisionDate.AddYears(1),
            Severity = kind == ListKind.Black ? Severity.General : null,
            Status = status,
            LegalBasis = "《江苏省社会信用条例》",
        };
    }

    /// <summary>A natural person's entry: the engine sees the keyed hash and the masked number, never the number.</summary>
    public static SearchDocument PersonEntry(string entryId, string name, ResidentIdNumber number, ListKind kind = ListKind.Black,
        string field = "司法执行", string department = "市中级人民法院")
    {
        var subjectKey = "p-" + HashOf(number)[..16];
        return Entry(entryId, name, kind, field: field, department: department) with
        {
            SubjectType = SubjectType.NaturalPerson,
            Uscc = null,
            ResidentIdHash = HashOf(number),
            MaskedIdNumber = number.Masked,
            SubjectKey = subjectKey,
            Url = "/subjects/" + subjectKey,
            Body = $"{name}（身份证号 {number.Masked}）为失信被执行人，由{department}认定。",
        };
    }

    public static SearchDocument RoleModel(string slug, string title, string? uscc = null, string body = "", DateOnly? date = null) => new()
    {
        Id = "role-model:" + slug,
        Type = DocumentType.RoleModel,
        Title = title,
        Body = body.Length > 0 ? body : $"{title}，诚实守信，获评守合同重信用企业。",
        Url = "/role-models/" + slug,
        Date = date ?? Today.AddMonths(-1),
        Uscc = uscc,
        SubjectKey = uscc,
        Category = "守合同重信用企业",
    };

    public static SearchDocument Policy(string slug, string title, string body, DateOnly? date = null) => new()
    {
        Id = "policy:" + slug,
        Type = DocumentType.Policy,
        Title = title,
        Body = body,
        Url = "/policies/" + slug,
        Date = date ?? new DateOnly(2019, 5, 20),
    };

    public static SearchDocument Announcement(string slug, string title, string body, DateOnly? date = null) => new()
    {
        Id = "announcement:" + slug,
        Type = DocumentType.Announcement,
        Title = title,
        Body = body,
        Url = "/announcements/" + slug,
        Date = date ?? Today.AddDays(-10),
    };

    private static readonly string[] NameParts = ["恒达", "诚信", "天宁", "金坛", "溧阳", "武进", "新北", "钟楼", "龙城", "运河", "东方", "华晨"];
    private static readonly string[] Trades = ["食品", "建材", "机械", "纺织", "电子", "物流", "餐饮", "化工"];

    /// <summary><paramref name="count"/> varied entries (red and black, every field and department in turn, dates
    /// spread over two years, all in public view on <see cref="Today"/>).</summary>
    public static IEnumerable<SearchDocument> ManyEntries(int count, int firstSerial = 1)
    {
        var departments = Departments.FieldsByDepartment.ToList();
        for (var i = 0; i < count; i++)
        {
            var serial = firstSerial + i;
            var (department, fields) = departments[i % departments.Count];
            var kind = i % 3 == 0 ? ListKind.Red : ListKind.Black;
            var decided = Today.AddDays(-(i * 7 % 700));
            yield return Entry(
                $"GEN-{serial:D7}",
                $"常州{NameParts[i % NameParts.Length]}{Trades[i / NameParts.Length % Trades.Length]}有限公司{serial}",
                kind,
                usccSerial: serial,
                field: fields[i % fields.Length],
                department: department,
                decided: decided,
                publicUntil: Today.AddDays(30 + i % 300));
        }
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = hash * 31 + c;
            }

            return hash == int.MinValue ? 0 : hash;
        }
    }
}
