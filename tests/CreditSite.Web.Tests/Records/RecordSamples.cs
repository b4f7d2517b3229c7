using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Indexing;
using CreditSite.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Records;

/// <summary>A known set of public records and registry records for a site whose day is <see cref="Today"/>
/// (2025-06-01, as <see cref="Infrastructure.ExampleEntriesSiteFactory"/>): one company with everything (13 licences in
/// view, penalties in view, withdrawn, past their period and unpublished, commitments, a registry record with a former
/// name), a person fined under a full ID number, and a few others for the 双公示 filters.</summary>
public static class RecordSamples
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    // 常州恒达新材料有限公司, formerly 常州恒达建材有限公司: registry record, licences, penalties, a commitment.
    public const string CompanyCode = "91320411MA7HD2C16P";
    public const string CompanyName = "常州恒达新材料有限公司";
    public const string FormerName = "常州恒达建材有限公司";

    // 常州武进鑫源化工有限公司: one licence and one warning from 常州市应急管理局.
    public const string ChemicalCode = "91320412MA9RF4J369";
    public const string ChemicalName = "常州武进鑫源化工有限公司";

    // 钟楼区老王小吃店, an individual business: one fine.
    public const string ShopCode = "92320402MA5GT6H46M";
    public const string ShopName = "钟楼区老王小吃店";

    // 常州金坛绿源农业科技有限公司: a registry record and nothing else.
    public const string RegistryOnlyCode = "91320413MA3JT7W19B";
    public const string RegistryOnlyName = "常州金坛绿源农业科技有限公司";

    // 李明, fined by the police: imported with the full number, which must never show.
    public const string PersonName = "李明";
    public const string PersonIdNumber = "32040219850315004X";
    public const string PersonMasked = "320402********004X";

    /// <summary>In public view on <see cref="Today"/>: general, decided 2025-02-10, repair possible from 2025-05-10.</summary>
    public const string FinedPenalty = "CZ-CF-2025-0001";

    /// <summary>Serious, decided 2025-04-20: repair possible only from 2026-04-20.</summary>
    public const string SeriousPenalty = "CZ-CF-2025-0002";

    public const string RepairedPenalty = "CZ-CF-2025-0003";
    public const string ExpiredPenalty = "CZ-CF-2024-0004";
    public const string UnpublishedPenalty = "CZ-CF-2025-0005";

    /// <summary>Minor, public until 2025-06-01: its last day is <see cref="Today"/>.</summary>
    public const string LastDayPenalty = "CZ-CF-2025-0006";

    public const string PersonPenalty = "CZ-CF-2025-0101";
    public const string ChemicalPenalty = "CZ-CF-2025-0201";
    public const string ShopPenalty = "CZ-CF-2025-0301";

    public const string NewestLicence = "CZ-XK-2025-0012";
    public const string RevokedLicence = "CZ-XK-2024-0099";
    public const string ExpiredLicence = "CZ-XK-2020-0001";
    public const string ChemicalLicence = "CZ-XK-2025-0201";

    public const string Commitment = "CZ-CN-2025-0001";
    public const string WithdrawnCommitment = "CZ-CN-2025-0002";

    /// <summary>Licences of the company in public view (12 valid and one revoked).</summary>
    public const int CompanyLicencesInView = 13;

    /// <summary>Commitments of the company in public view (the newest and 11 行业自律型 ones).</summary>
    public const int CompanyCommitmentsInView = 12;

    /// <summary>Penalties of every subject in public view on <see cref="Today"/>.</summary>
    public const int PenaltiesInView = 6;

    /// <summary>Penalties the store holds, in view or not.</summary>
    public const int PenaltiesStored = 9;

    /// <summary>Licence <c>CZ-XK-2025-00nn</c>, decided 2025-01-06 plus a week for each n after 1.</summary>
    public static string LicenceId(int n) => $"CZ-XK-2025-{n:0000}";

    /// <summary>Writes the whole set into the site's store through its <see cref="RecordStore"/> and waits until the
    /// site's own synchroniser has indexed it.</summary>
    public static async Task WriteAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var hasher = services.GetRequiredService<ResidentIdHasher>();
        await WriteAsync(services, RecordKind.Licence, Licences());
        await WriteAsync(services, RecordKind.Penalty, Penalties(hasher));
        await WriteAsync(services, RecordKind.Commitment, Commitments());
        await WriteSubjectsAsync(services, Registry());
    }

    public static async Task WriteAsync(IServiceProvider services, RecordKind kind, IEnumerable<PublicRecord> records)
    {
        ArgumentNullException.ThrowIfNull(services);
        var outcome = await services.GetRequiredService<RecordStore>().WriteRecordsAsync(kind, records, new ListWrite { Source = "test-records" });
        await IndexedAsync(services, outcome.ChangeSeq);
    }

    public static async Task WriteSubjectsAsync(IServiceProvider services, IEnumerable<RegistrySubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(services);
        var outcome = await services.GetRequiredService<RecordStore>().WriteSubjectsAsync(subjects, new ListWrite { Source = "test-subjects" });
        await IndexedAsync(services, outcome.ChangeSeq);
    }

    /// <summary>Waits for the site's synchroniser (it runs every two seconds) to move the index checkpoint past
    /// <paramref name="changeSeq"/>: everything written up to it is then searchable.</summary>
    public static Task IndexedAsync(IServiceProvider services, long changeSeq)
    {
        var checkpoint = services.GetRequiredService<ListIndexer>().Checkpoint;
        return Eventually.UntilAsync(() => checkpoint.Read() >= changeSeq, $"the site's synchroniser never indexed change {changeSeq}");
    }

    /// <summary>A person's identifiers as the import keeps them: keyed hash, masked number, subject key.</summary>
    public static (string Hash, string Masked, string SubjectKey) PersonKeys(ResidentIdHasher hasher, string idNumber)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var number = ResidentIdNumber.Parse(idNumber);
        Assert.True(number.IsValid, number.Message);
        var hash = hasher.Hash(number.Value!.Value);
        return (hash, number.Value.Value.Masked, hasher.SubjectKey(hash));
    }

    public static PublicRecord Record(RecordKind kind, string id, string name, string? uscc, DateOnly decided, string department) => new()
    {
        Kind = kind,
        RecordId = id,
        SubjectType = uscc?.StartsWith('9') == true && uscc[1] == '2' ? SubjectType.IndividualBusiness : SubjectType.LegalPerson,
        SubjectName = name,
        Uscc = uscc,
        SubjectKey = uscc ?? throw new ArgumentException("A person needs PersonKeys.", nameof(uscc)),
        DecisionDate = decided,
        Department = department,
        Status = kind == RecordKind.Licence ? RecordStatus.Valid : RecordStatus.Active,
    };

    public static PublicRecord Penalty(string id, string name, string uscc, DateOnly decided, Severity severity, string number, params string[] types)
    {
        var record = Record(RecordKind.Penalty, id, name, uscc, decided, "市市场监督管理局");
        record.Severity = severity;
        record.PublicUntil = decided.AddMonths(severity switch { Severity.Minor => 3, Severity.General => 12, _ => 36 });
        record.DecisionNumber = number;
        record.PenaltyTypes = types;
        record.LegalBasis = "《中华人民共和国产品质量法》第四十九条";
        record.ViolationType = "生产不符合标准的产品";
        record.Content = "责令改正，" + string.Join("、", types) + "。";
        return record;
    }

    private static List<PublicRecord> Licences()
    {
        var licences = new List<PublicRecord>();
        for (var n = 1; n <= 12; n++)
        {
            var licence = Record(RecordKind.Licence, LicenceId(n), CompanyName, CompanyCode, new DateOnly(2025, 1, 6).AddDays(7 * (n - 1)), "常州市新北区行政审批局");
            licence.DecisionTitle = "排污许可决定书";
            licence.DecisionNumber = $"常新审批许〔2025〕{n}号";
            licence.Category = n % 2 == 0 ? "普通" : "登记";
            licence.CertificateName = "排污许可证";
            licence.CertificateNumber = $"91320411MA7HD2C16P00{n:00}V";
            licence.Content = $"准予排放第{n}号生产线废水。";
            licence.ValidFrom = licence.DecisionDate;
            licence.ValidTo = licence.DecisionDate.AddYears(5);
            licence.PublicUntil = licence.ValidTo;
            licences.Add(licence);
        }

        var revoked = Record(RecordKind.Licence, RevokedLicence, CompanyName, CompanyCode, new DateOnly(2024, 12, 2), "常州市新北区行政审批局");
        revoked.DecisionNumber = "常新审批许〔2024〕99号";
        revoked.Category = "普通";
        revoked.Status = RecordStatus.Revoked;
        revoked.Content = "准予经营危险化学品（已撤销）。";
        licences.Add(revoked);

        var expired = Record(RecordKind.Licence, ExpiredLicence, CompanyName, CompanyCode, new DateOnly(2020, 1, 6), "常州市新北区行政审批局");
        expired.DecisionNumber = "常新审批许〔2020〕1号";
        expired.Category = "普通";
        expired.Status = RecordStatus.Expired;
        licences.Add(expired);

        var chemical = Record(RecordKind.Licence, ChemicalLicence, ChemicalName, ChemicalCode, new DateOnly(2025, 2, 14), "常州市应急管理局");
        chemical.DecisionTitle = "危险化学品经营许可决定书";
        chemical.DecisionNumber = "常应急许〔2025〕8号";
        chemical.Category = "特许";
        chemical.CertificateName = "危险化学品经营许可证";
        chemical.CertificateNumber = "苏常危化经字〔2025〕000008";
        chemical.ValidFrom = chemical.DecisionDate;
        chemical.ValidTo = new DateOnly(2028, 2, 13);
        chemical.PublicUntil = chemical.ValidTo;
        licences.Add(chemical);
        return licences;
    }

    private static List<PublicRecord> Penalties(ResidentIdHasher hasher)
    {
        var fined = Penalty(FinedPenalty, CompanyName, CompanyCode, new DateOnly(2025, 2, 10), Severity.General, "常新市监罚〔2025〕15号", "罚款", "没收违法所得");
        fined.LegalRepresentative = "周建国";
        fined.Facts = "2024年11月生产的一批建筑用砂浆抗压强度不符合国家标准。";
        fined.FineAmount = 2.5m;
        fined.ConfiscatedAmount = 0.36m;
        fined.Department = "市市场监督管理局";
        fined.DepartmentUscc = "11320400014157498U";
        fined.SourceDepartment = "常州市新北区市场监督管理局";
        fined.Field = "产品质量";

        var serious = Penalty(SeriousPenalty, CompanyName, CompanyCode, new DateOnly(2025, 4, 20), Severity.Serious, "常新应急罚〔2025〕7号", "责令停产停业");
        serious.Department = "常州市新北区应急管理局";

        var repaired = Penalty(RepairedPenalty, CompanyName, CompanyCode, new DateOnly(2025, 1, 8), Severity.General, "常新市监罚〔2025〕3号", "罚款");
        repaired.Status = RecordStatus.Repaired;

        var expired = Penalty(ExpiredPenalty, CompanyName, CompanyCode, new DateOnly(2024, 3, 10), Severity.General, "常新市监罚〔2024〕40号", "罚款");

        var unpublished = Penalty(UnpublishedPenalty, CompanyName, CompanyCode, new DateOnly(2025, 5, 6), Severity.Minor, "常新市监罚〔2025〕51号", "警告");
        unpublished.SimplifiedProcedure = true;
        unpublished.Unpublished = true;

        var lastDay = Penalty(LastDayPenalty, CompanyName, CompanyCode, new DateOnly(2025, 3, 1), Severity.Minor, "常新市监罚〔2025〕21号", "警告");

        var (hash, masked, key) = PersonKeys(hasher, PersonIdNumber);
        var person = Penalty(PersonPenalty, PersonName, CompanyCode, new DateOnly(2025, 3, 3), Severity.General, "常公（钟）行罚决字〔2025〕118号", "罚款");
        person.SubjectType = SubjectType.NaturalPerson;
        person.Uscc = null;
        person.ResidentIdHash = hash;
        person.MaskedIdNumber = masked;
        person.SubjectKey = key;
        person.Department = "常州市公安局钟楼分局";
        person.FineAmount = 0.05m;
        person.ViolationType = "违反治安管理";

        var chemical = Penalty(ChemicalPenalty, ChemicalName, ChemicalCode, new DateOnly(2025, 4, 2), Severity.General, "常应急罚〔2025〕12号", "警告");
        chemical.Department = "常州市应急管理局";

        var shop = Penalty(ShopPenalty, ShopName, ShopCode, new DateOnly(2025, 5, 20), Severity.Minor, "常钟市监罚〔2025〕66号", "罚款");
        shop.FineAmount = 0.2m;
        return [fined, serious, repaired, expired, unpublished, lastDay, person, chemical, shop];
    }

    private static List<PublicRecord> Commitments()
    {
        var commitment = Record(RecordKind.Commitment, Commitment, CompanyName, CompanyCode, new DateOnly(2025, 5, 12), "常州市新北区行政审批局");
        commitment.Category = "证明事项告知承诺";
        commitment.Content = "承诺申请材料真实有效，如有不实愿承担相应法律责任。";
        commitment.PublicUntil = new DateOnly(2028, 5, 12);

        var withdrawn = Record(RecordKind.Commitment, WithdrawnCommitment, CompanyName, CompanyCode, new DateOnly(2025, 4, 1), "常州市新北区行政审批局");
        withdrawn.Category = "主动公示型";
        withdrawn.Status = RecordStatus.Withdrawn;
        withdrawn.PublicUntil = new DateOnly(2028, 4, 1);
        var commitments = new List<PublicRecord> { commitment, withdrawn };
        for (var n = 1; n <= 11; n++)
        {
            var pledge = Record(RecordKind.Commitment, $"CZ-CN-2025-01{n:00}", CompanyName, CompanyCode, new DateOnly(2025, 1, 2).AddDays(n), "常州市新材料行业协会");
            pledge.Category = "行业自律型";
            pledge.Content = $"第{n}项行业自律承诺。";
            pledge.PublicUntil = pledge.DecisionDate.AddYears(3);
            commitments.Add(pledge);
        }

        return commitments;
    }

    private static List<RegistrySubject> Registry() =>
    [
        new()
        {
            Uscc = CompanyCode,
            Name = CompanyName,
            FormerNames = [FormerName],
            EntityType = "有限责任公司（自然人投资或控股）",
            LegalRepresentative = "周建国",
            RegisteredOn = new DateOnly(2015, 3, 20),
            RegistrationAuthority = "常州市新北区市场监督管理局",
            Address = "常州市新北区太湖东路9号",
            Status = "存续",
        },
        new()
        {
            Uscc = RegistryOnlyCode,
            Name = RegistryOnlyName,
            EntityType = "有限责任公司",
            LegalRepresentative = "钱芳",
            RegisteredOn = new DateOnly(2019, 8, 1),
            RegistrationAuthority = "常州市金坛区市场监督管理局",
            Address = "常州市金坛区金城镇东门大街1号",
            Status = "存续",
        },
    ];
}
