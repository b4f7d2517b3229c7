using System.Text.RegularExpressions;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Identifiers;
using CreditSite.Import;

namespace CreditSite.Core.Tests.Import;

public sealed partial class DemoDataGeneratorTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    /// <summary>A first start in January, when a decision of a few weeks ago is from the year before.</summary>
    private static readonly DateOnly January = new(2027, 1, 20);
    private static readonly string[] ChangzhouDivisions = ["320400", "320402", "320404", "320411", "320412", "320413", "320481"];

    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static List<ListImportRow> Rows(int count, int seed = DemoDataGenerator.DefaultSeed) =>
        new DemoDataGenerator(seed).Rows(count, Today).Select((values, i) => new ListImportRow(i + 2, values)).ToList();

    [Fact]
    public void SameSeedAndDayGiveTheSameFile()
    {
        var first = new StringWriter();
        var second = new StringWriter();
        new DemoDataGenerator(7).WriteCsv(first, 500, Today);
        new DemoDataGenerator(7).WriteCsv(second, 500, Today);
        var other = new StringWriter();
        new DemoDataGenerator(8).WriteCsv(other, 500, Today);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.NotEqual(first.ToString(), other.ToString());
    }

    [Fact]
    public void GeneratedFilePassesImportValidation()
    {
        var path = Path.Combine(_files.Folder, "demo.csv");
        new DemoDataGenerator().WriteCsv(path, 3000, Today);

        var report = _files.Importer().Validate(path);

        Assert.True(report.Accepted, report.Describe());
        Assert.Equal(3000, report.Rows);
    }

    [Fact]
    public void UsesChangzhouDivisionCodesAndValidCheckCharacters()
    {
        var rows = Rows(2000);

        foreach (var row in rows.Where(r => r.Value("uscc").Length > 0))
        {
            var code = UnifiedSocialCreditCode.Parse(row.Value("uscc"));
            Assert.True(code.IsValid, code.Message);
            Assert.Contains(code.Value!.Value.DivisionCode, ChangzhouDivisions);
        }

        foreach (var row in rows.Where(r => r.Value("id_number").Length > 0))
        {
            Assert.True(ResidentIdNumber.TryParse(row.Value("id_number"), out var id));
            Assert.StartsWith("3204", id.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MixesSubjectsListsStatusesAndFields()
    {
        var rows = Rows(5000);

        Assert.Equal(3, rows.Select(r => r.Value("subject_type")).Distinct().Count());
        Assert.InRange(rows.Count(r => r.Value("list_kind") == "red"), 750, 2000);
        var statuses = rows.GroupBy(r => r.Value("status")).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses["active"] > rows.Count / 2);
        Assert.True(statuses["exited"] > 0 && statuses["repaired"] > 0 && statuses["under_objection"] > 0);
        Assert.Contains(rows, r => DateOnly.Parse(r.Value("public_until"), System.Globalization.CultureInfo.InvariantCulture) < Today);
        Assert.True(rows.Select(r => r.Value("field")).Distinct().Count() >= 15);
        Assert.All(rows, r => Assert.True(ImportFiles.Catalogue().IsField(r.Value("field"))));
        Assert.All(rows.Where(r => r.Value("list_kind") == "red"), r => Assert.Equal("", r.Value("severity")));
    }

    [Fact]
    public void BuildsCompanyNamesAndDecisionNumbersLikeRealOnes()
    {
        var rows = Rows(1000);
        var companies = rows.Where(r => r.Value("subject_type") == "legal_person").Select(r => r.Value("subject_name")).ToList();
        var numbers = rows.Select(r => r.Value("decision_number")).ToList();

        Assert.All(companies, name => Assert.Matches("^常州.+(有限公司|有限责任公司|股份有限公司)$", name));
        Assert.Contains(numbers, n => System.Text.RegularExpressions.Regex.IsMatch(n, @"^常市监罚〔20\d\d〕\d+号$"));
        Assert.Contains(numbers, n => System.Text.RegularExpressions.Regex.IsMatch(n, @"^（20\d\d）苏04执\d+号$"));
        Assert.True(companies.Distinct().Count() > 100);
    }

    [Fact]
    public void EachCodeHasOneNameAndNoTwoOrganisationsShareAName()
    {
        var entries = FirstStartSet(Today);
        // The hand-written role models under content/ are organisations a visitor meets next to the demo set.
        var subjects = entries.Select(e => (Key: e.SubjectKey, Name: e.SubjectName, Organisation: e.SubjectType != SubjectType.NaturalPerson))
            .Concat(RoleModelOrganisations().Select(m => (Key: m.Uscc, Name: m.Name, Organisation: true)))
            .ToList();

        var namesPerCode = subjects.GroupBy(s => s.Key).Where(g => g.Select(s => s.Name).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join("、", g.Select(s => s.Name).Distinct())}").ToList();
        var codesPerName = subjects.Where(s => s.Organisation).GroupBy(s => s.Name).Where(g => g.Select(s => s.Key).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join("、", g.Select(s => s.Key).Distinct())}").ToList();

        Assert.True(namesPerCode.Count == 0, "同一代码（统一社会信用代码或身份证号）出现多个名称：\n" + string.Join("\n", namesPerCode.Take(10)));
        Assert.True(codesPerName.Count == 0, "不同代码的组织同名：\n" + string.Join("\n", codesPerName.Take(10)));
        // Several subjects have several entries, and the 恒达 family the search examples use is still there.
        Assert.True(entries.GroupBy(e => e.SubjectKey).Count(g => g.Count() > 1) > 1000);
        Assert.True(subjects.Where(s => s.Name.Contains("恒达", StringComparison.Ordinal)).Select(s => s.Key).Distinct().Count() >= 3);
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void EveryDecisionNumberCarriesTheYearOfItsDecision(DateOnly today)
    {
        var entries = FirstStartSet(today);

        var wrong = entries.Where(e => NumberYear().Match(e.DecisionNumber) is not { Success: true } year
                || int.Parse(year.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != e.DecisionDate.Year)
            .Select(e => $"{e.EntryId} {e.DecisionNumber} 决定日期 {e.DecisionDate:yyyy-MM-dd}").ToList();

        Assert.True(wrong.Count == 0, "文号年份与决定日期不符：\n" + string.Join("\n", wrong.Take(10)));
    }

    [Fact]
    public void NoRoleModelIsOnTheBlackList()
    {
        var entries = FirstStartSet(Today);
        var roleModels = entries.Where(e => e.Kind == ListKind.Red && e.Field == "诚信典型").Select(e => e.SubjectKey)
            .Concat(RoleModelOrganisations().Select(m => m.Uscc)).ToHashSet(StringComparer.Ordinal);
        var blackListed = entries.Where(e => e.Kind == ListKind.Black).Select(e => e.SubjectKey).ToHashSet(StringComparer.Ordinal);

        var both = entries.Where(e => roleModels.Contains(e.SubjectKey) && blackListed.Contains(e.SubjectKey))
            .Select(e => e.SubjectName).Distinct().ToList();

        Assert.True(both.Count == 0, "既是诚信典型又在黑名单上：" + string.Join("、", both.Take(10)));
        Assert.Contains(entries, e => e.Kind == ListKind.Red && e.Field == "诚信典型" && e.SubjectType == SubjectType.NaturalPerson);
        Assert.Contains(entries, e => e.Kind == ListKind.Black && e.SubjectType == SubjectType.NaturalPerson);
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void EveryBlackListEntryIsSeriousAndPublicForOneToThreeYears(DateOnly today)
    {
        var entries = FirstStartSet(today);

        var wrong = entries.Where(e => e.Kind == ListKind.Black)
            .Where(e => e.Severity != Severity.Serious || e.PublicUntil < e.DecisionDate.AddYears(1) || e.PublicUntil > e.DecisionDate.AddYears(3))
            .Select(e => $"{e.EntryId} {e.Severity} {e.DecisionDate:yyyy-MM-dd}–{e.PublicUntil:yyyy-MM-dd}").ToList();

        Assert.True(wrong.Count == 0, "黑名单条目不是“严重”或公示期不在 1–3 年内：\n" + string.Join("\n", wrong.Take(10)));
        Assert.All(entries.Where(e => e.Kind == ListKind.Red), e => Assert.Null(e.Severity));
        Assert.InRange(entries.Count(e => e.Kind == ListKind.Black), 5000, 9000);
    }

    public static TheoryData<DateOnly> FirstStartDays() => new(Today, January);

    /// <summary>What the site loads on a first start on <paramref name="today"/> (the default 10,000 generated entries
    /// and the sign-in identities' entries), as the importer validates and stores them: a person is known by the keyed
    /// hash of the ID number.</summary>
    private static List<ListEntry> FirstStartSet(DateOnly today)
    {
        var validator = new ListEntryValidator(ImportFiles.Hasher(), ImportFiles.Catalogue(), today);
        var report = new ImportReport("demo-entries.csv");
        var entries = new DemoDataGenerator().Rows(10_000, today).Concat(SignInDemoSubjects.Rows(today))
            .Select((values, i) => validator.Validate(new ListImportRow(i + 2, values), report, ImportFiles.Now))
            .ToList();

        Assert.True(report.Accepted, report.Describe());
        return [.. entries.Select(e => e!)];
    }

    private static IEnumerable<(string Name, string Uscc)> RoleModelOrganisations() =>
        ContentLibrary.Load(Path.Combine(SiteRoot.Find(), "content")).RoleModels
            .Where(m => m.Uscc is not null).Select(m => (m.SubjectName, m.Uscc!.Value.Value));

    /// <summary>The year in 常市监罚〔2024〕12号 or （2024）苏04执12号.</summary>
    [GeneratedRegex(@"[〔（](\d{4})[〕）]")]
    private static partial Regex NumberYear();
}
