using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Import;

namespace CreditSite.Core.Tests.Import;

public sealed class DemoDataGeneratorTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 6, 30);
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
        Assert.All(rows, r => Assert.True(Fields.IsKnown(r.Value("field"))));
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
}
