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

    /// <summary>The entries' decision numbers when <see cref="Rows"/> is made on <paramref name="today"/>: the dates
    /// are relative to that day, and each number carries its decision date's year.</summary>
    public static SignInDemoDecisions DecisionNumbers(DateOnly today) => new(
        Court(PersonCourtDate(today)),
        Number("常税稽罚", PersonTaxDate(today), 88),
        Number("常交罚", PersonExpiredDate(today), 7),
        Number("常住建罚", CompanyBlackDate(today), 12),
        Number("常税发", CompanyRedDate(today), 30));

    /// <summary>Rows in the order of <see cref="ListImportColumns.All"/>, dated relative to <paramref name="today"/>:
    /// the person has a court entry, a tax entry under objection and one past its period (never shown); the company has
    /// a black-list entry and a tax honour from before it (not a role model). The clean person and the representative
    /// have none. Black-list entries are serious (严重失信主体名单), public between one and three years.</summary>
    public static IReadOnlyList<string?[]> Rows(DateOnly today)
    {
        var numbers = DecisionNumbers(today);
        return
        [
            Row(FirstEntryId, "black", "natural_person", BlackListedPersonName, null, BlackListedPersonId, "司法执行", "市中级人民法院",
                numbers.PersonCourt, PersonCourtDate(today), PersonCourtDate(today).AddYears(2), "serious",
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条", "有履行能力而拒不履行生效法律文书确定的义务。", "active"),
            Row("SIGNIN-DEMO-2", "black", "natural_person", BlackListedPersonName, null, BlackListedPersonId, "税务", "常州市税务局",
                numbers.PersonTax, PersonTaxDate(today), PersonTaxDate(today).AddYears(1), "serious",
                "《重大税收违法失信主体信息公布管理办法》第六条", "采取欺骗、隐瞒手段进行虚假纳税申报，少缴税款。", "under_objection"),
            Row("SIGNIN-DEMO-3", "black", "natural_person", BlackListedPersonName, null, BlackListedPersonId, "交通运输", "市交通局",
                numbers.PersonExpired, PersonExpiredDate(today), PersonExpiredDate(today).AddYears(1), "serious",
                "《中华人民共和国道路运输条例》第六十六条", "未取得道路运输经营许可，擅自从事道路运输经营。", "active"),
            Row("SIGNIN-DEMO-4", "black", "legal_person", CompanyName, CompanyUscc, null, "工程质量", "市住房和城乡建设局",
                numbers.CompanyBlack, CompanyBlackDate(today), CompanyBlackDate(today).AddYears(2), "serious",
                "《建设工程质量管理条例》第六十四条", "施工中偷工减料，使用不合格的建筑材料、建筑构配件。", "active"),
            Row("SIGNIN-DEMO-5", "red", "legal_person", CompanyName, CompanyUscc, null, "税务", "常州市税务局",
                numbers.CompanyRed, CompanyRedDate(today), CompanyRedDate(today).AddYears(1).AddDays(-1), null,
                "《纳税信用管理办法》第二十条", "年度纳税信用评价为A级纳税人。", "active"),
        ];
    }

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

    private static DateOnly PersonCourtDate(DateOnly today) => today.AddDays(-30);

    private static DateOnly PersonTaxDate(DateOnly today) => today.AddDays(-20);

    /// <summary>Public for a year from this date, so past its period 35 days ago.</summary>
    private static DateOnly PersonExpiredDate(DateOnly today) => today.AddDays(-400);

    private static DateOnly CompanyBlackDate(DateOnly today) => today.AddDays(-60);

    private static DateOnly CompanyRedDate(DateOnly today) => today.AddDays(-90);

    private static string Court(DateOnly decided) => string.Create(CultureInfo.InvariantCulture, $"（{decided.Year}）苏04执1001号");

    private static string Number(string prefix, DateOnly decided, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{decided.Year}〕{serial}号");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The decision numbers of <see cref="SignInDemoSubjects.Rows"/> made on one day.</summary>
public sealed record SignInDemoDecisions(string PersonCourt, string PersonTax, string PersonExpired, string CompanyBlack, string CompanyRed);
