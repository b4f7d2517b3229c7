using System.Globalization;
using System.Text;
using CreditSite.Identifiers;

namespace CreditSite.Import;

/// <summary>The credit subjects behind the local sign-in provider's demonstration identities (docs/sign-in.md): fixed
/// ID numbers and USCC, and a few list entries about them, so that signing in as them shows real reports. They are
/// appended to the generated demonstration set on first start, and used by the report tests.</summary>
public static class SignInDemoSubjects
{
    public static readonly string BlackListedPersonId = ResidentIdNumber.Complete("32040219850315003").Value;
    /// <summary>The first of these records: its presence tells that the demonstration set is in the store.</summary>
    public const string FirstEntryId = "SIGNIN-DEMO-1";

    public const string BlackListedPersonName = "张伟";
    public static readonly string CleanPersonId = ResidentIdNumber.Complete("32041119920823004").Value;
    public const string CleanPersonName = "李娜";
    public static readonly string RepresentativeId = ResidentIdNumber.Complete("32041219780106005").Value;
    public static readonly string CompanyUscc = UnifiedSocialCreditCode.Complete("91320402MA1DEM58").Value;
    public const string CompanyName = "常州恒信建材有限公司";

    /// <summary>Decision numbers of the entries, for tests.</summary>
    public const string PersonCourtDecision = "（2025）苏04执1001号";
    public const string PersonTaxDecision = "常税稽罚〔2025〕88号";
    public const string PersonExpiredDecision = "常交罚〔2024〕7号";
    public const string CompanyBlackDecision = "常住建罚〔2025〕12号";
    public const string CompanyRedDecision = "常税发〔2025〕30号";

    /// <summary>Rows in the order of <see cref="ListImportColumns.All"/>, dated relative to <paramref name="today"/>:
    /// the person has a serious court entry, a tax entry under objection and one past its period (never shown); the
    /// company has a black-list and a red-list entry. The clean person and the representative have none.</summary>
    public static IReadOnlyList<string?[]> Rows(DateOnly today) =>
    [
        Row(FirstEntryId, "black", "natural_person", BlackListedPersonName, null, BlackListedPersonId, "司法执行", "市中级人民法院",
            PersonCourtDecision, today.AddDays(-30), today.AddDays(-30).AddYears(2), "serious",
            "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条", "有履行能力而拒不履行生效法律文书确定的义务。", "active"),
        Row("SIGNIN-DEMO-2", "black", "natural_person", BlackListedPersonName, null, BlackListedPersonId, "税务", "常州市税务局",
            PersonTaxDecision, today.AddDays(-20), today.AddDays(-20).AddYears(1).AddDays(-1), "general",
            "《重大税收违法失信主体信息公布管理办法》第六条", "采取欺骗、隐瞒手段进行虚假纳税申报，少缴税款。", "under_objection"),
        Row("SIGNIN-DEMO-3", "black", "natural_person", BlackListedPersonName, null, BlackListedPersonId, "交通运输", "市交通局",
            PersonExpiredDecision, today.AddDays(-400), today.AddDays(-400).AddYears(1).AddDays(-1), "general",
            "《中华人民共和国道路运输条例》第六十六条", "未取得道路运输经营许可，擅自从事道路运输经营。", "active"),
        Row("SIGNIN-DEMO-4", "black", "legal_person", CompanyName, CompanyUscc, null, "工程质量", "市住房和城乡建设局",
            CompanyBlackDecision, today.AddDays(-60), today.AddDays(-60).AddYears(1).AddDays(-1), "general",
            "《建设工程质量管理条例》第六十四条", "施工中偷工减料，使用不合格的建筑材料、建筑构配件。", "active"),
        Row("SIGNIN-DEMO-5", "red", "legal_person", CompanyName, CompanyUscc, null, "税务", "常州市税务局",
            CompanyRedDecision, today.AddDays(-90), today.AddDays(-90).AddYears(1).AddDays(-1), null,
            "《纳税信用管理办法》第二十条", "年度纳税信用评价为A级纳税人。", "active"),
    ];

    /// <summary>Appends <see cref="Rows"/> to an import CSV that already has its header.</summary>
    public static void AppendCsv(string path, DateOnly today)
    {
        using var writer = new StreamWriter(path, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (var row in Rows(today))
        {
            ListCsvWriter.WriteRow(writer, row);
        }
    }

    private static string?[] Row(
        string id, string kind, string type, string name, string? uscc, string? idNumber, string field, string department, string decision,
        DateOnly decided, DateOnly until, string? severity, string basis, string summary, string status) =>
        [id, kind, type, name, uscc, idNumber, field, department, decision, Date(decided), Date(until), severity, basis, summary, status];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
