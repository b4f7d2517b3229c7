using System.Globalization;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Identifiers;
using CreditSite.Indexing;
using CreditSite.Search;

namespace CreditSite.Core.Tests.Search;

/// <summary>Public records (行政许可, 行政处罚, 信用承诺) and registry records (基础信息) as the store holds them, turned into
/// search documents by the site's own projection (<see cref="RecordDocuments"/>), so the contract suite tests what the
/// site indexes. Periods and the simplified-procedure rule come from the shipped catalogue
/// (<c>content/data/catalogue.yaml</c>) the way the import applies them: an empty <c>public_until</c> is the maximum of
/// the record's severity, and a simplified-procedure penalty is unpublished when the catalogue says so.</summary>
public static partial class SampleDocuments
{
    /// <summary>The shipped catalogue.</summary>
    public static readonly CreditCatalogue Catalogue = CatalogueFile.Load(Path.Combine(SiteRoot.Find(), "content"));

    public static SearchDocument Indexed(PublicRecord record) => RecordDocuments.ToSearchDocument(record);

    public static SearchDocument Indexed(RegistrySubject subject) => RecordDocuments.ToSearchDocument(subject);

    /// <summary>行政处罚 of an organisation.</summary>
    public static SearchDocument Penalty(
        string recordId,
        string subjectName,
        int usccSerial = 0,
        IReadOnlyList<string>? penaltyTypes = null,
        string department = "市市场监督管理局",
        string field = "食品药品",
        Severity severity = Severity.General,
        DateOnly? decided = null,
        DateOnly? publicUntil = null,
        RecordStatus status = RecordStatus.Active,
        bool simplifiedProcedure = false,
        SubjectType subjectType = SubjectType.LegalPerson) =>
        Indexed(PenaltyRecord(recordId, subjectName, usccSerial, penaltyTypes, department, field, severity, decided, publicUntil, status,
            simplifiedProcedure, subjectType));

    public static PublicRecord PenaltyRecord(
        string recordId,
        string subjectName,
        int usccSerial = 0,
        IReadOnlyList<string>? penaltyTypes = null,
        string department = "市市场监督管理局",
        string field = "食品药品",
        Severity severity = Severity.General,
        DateOnly? decided = null,
        DateOnly? publicUntil = null,
        RecordStatus status = RecordStatus.Active,
        bool simplifiedProcedure = false,
        SubjectType subjectType = SubjectType.LegalPerson)
    {
        var decision = decided ?? Today.AddMonths(-1);
        var rule = Catalogue.RuleOf(RecordKind.Penalty);
        var record = Organisation(RecordKind.Penalty, recordId, subjectName, usccSerial, subjectType, decision, department, field);
        record.DecisionNumber = $"常市监罚〔{decision.Year}〕{SerialOf(recordId) % 1000}号";
        record.PublicUntil = publicUntil ?? rule.RangeFor(severity)?.MaximumUntil(decision);
        record.Status = status;
        record.ViolationType = "未按规定履行食品安全义务";
        record.Facts = $"{subjectName}销售超过保质期的食品。";
        record.LegalBasis = "《中华人民共和国食品安全法》第一百二十四条";
        record.PenaltyTypes = penaltyTypes ?? ["罚款"];
        record.Content = "依法作出行政处罚。";
        record.FineAmount = 2m;
        record.Severity = severity;
        record.SimplifiedProcedure = simplifiedProcedure;
        record.Unpublished = simplifiedProcedure && !rule.PublishSimplifiedProcedure;
        return record;
    }

    /// <summary>行政处罚 of a natural person: the engine sees the keyed hash and the masked number, never the number.</summary>
    public static SearchDocument PersonPenalty(string recordId, string name, ResidentIdNumber number, IReadOnlyList<string>? penaltyTypes = null,
        string department = "市公安局", DateOnly? decided = null)
    {
        var record = PenaltyRecord(recordId, name, penaltyTypes: penaltyTypes ?? ["警告"], department: department, field: "城市管理",
            severity: Severity.Minor, decided: decided, subjectType: SubjectType.NaturalPerson);
        record.Uscc = null;
        record.LegalRepresentative = null;
        record.ResidentIdHash = HashOf(number);
        record.MaskedIdNumber = number.Masked;
        record.SubjectKey = "p-" + HashOf(number)[..16];
        record.Facts = $"{name}（身份证号 {number.Masked}）在道路上违规设摊经营。";
        return Indexed(record);
    }

    /// <summary>行政许可; public while valid (<c>public_until</c> is the end of validity).</summary>
    public static SearchDocument Licence(
        string recordId,
        string subjectName,
        int usccSerial = 0,
        string category = "普通",
        string department = "市行政审批局",
        DateOnly? decided = null,
        DateOnly? validTo = null,
        RecordStatus status = RecordStatus.Valid,
        SubjectType subjectType = SubjectType.LegalPerson,
        bool openEnded = false)
    {
        var decision = decided ?? Today.AddMonths(-3);
        var record = Organisation(RecordKind.Licence, recordId, subjectName, usccSerial, subjectType, decision, department, field: null);
        record.DecisionTitle = "食品经营许可";
        record.DecisionNumber = $"常审批许〔{decision.Year}〕{SerialOf(recordId) % 1000}号";
        record.Category = category;
        record.CertificateName = "食品经营许可证";
        record.CertificateNumber = "JY1320402" + (SerialOf(recordId) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        record.Content = "经营项目：预包装食品销售。";
        record.ValidFrom = decision;
        record.ValidTo = openEnded ? null : validTo ?? decision.AddYears(5);
        record.PublicUntil = record.ValidTo;
        record.Status = status;
        return Indexed(record);
    }

    /// <summary>信用承诺; public until the catalogue's maximum unless the file says otherwise.</summary>
    public static SearchDocument Commitment(
        string recordId,
        string subjectName,
        int usccSerial = 0,
        string commitmentType = "审批替代型",
        string acceptedBy = "市行政审批局",
        DateOnly? madeOn = null,
        DateOnly? publicUntil = null,
        RecordStatus status = RecordStatus.Active)
    {
        var made = madeOn ?? Today.AddMonths(-2);
        var record = Organisation(RecordKind.Commitment, recordId, subjectName, usccSerial, SubjectType.LegalPerson, made, acceptedBy, field: null);
        record.Category = commitmentType;
        record.Content = "本单位承诺所提交的申请材料真实有效，如有虚假，愿意承担相应法律责任。";
        record.PublicUntil = publicUntil ?? Catalogue.RuleOf(RecordKind.Commitment).RangeFor(null)?.MaximumUntil(made);
        record.Status = status;
        return Indexed(record);
    }

    /// <summary>基础信息 of an organisation, with its 曾用名 newest first.</summary>
    public static SearchDocument Registry(int usccSerial, string name, IReadOnlyList<string>? formerNames = null,
        string entityType = "有限责任公司（自然人投资或控股）", string status = "存续") => Indexed(new RegistrySubject
        {
            Uscc = Uscc(usccSerial),
            Name = name,
            FormerNames = formerNames ?? [],
            EntityType = entityType,
            LegalRepresentative = "张伟",
            RegisteredOn = new DateOnly(2012, 3, 8),
            RegistrationAuthority = "常州市天宁区市场监督管理局",
            Address = "常州市天宁区青洋北路1号",
            Status = status,
        });

    private static PublicRecord Organisation(RecordKind kind, string recordId, string subjectName, int usccSerial, SubjectType subjectType,
        DateOnly decided, string department, string? field)
    {
        var uscc = Uscc(usccSerial == 0 ? SerialOf(recordId) : usccSerial);
        return new PublicRecord
        {
            Kind = kind,
            RecordId = recordId,
            SubjectType = subjectType,
            SubjectName = subjectName,
            Uscc = uscc,
            SubjectKey = uscc,
            LegalRepresentative = "张伟",
            DecisionDate = decided,
            Department = department,
            SourceDepartment = department,
            Field = field,
            ImportedAt = new DateTimeOffset(decided.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(3),
            FirstImportedAt = new DateTimeOffset(decided.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(3),
        };
    }

    private static int SerialOf(string recordId) => Math.Abs(StableHash(recordId)) % 90_000_000 + 1;
}
