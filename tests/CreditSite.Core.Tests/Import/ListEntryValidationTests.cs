using CreditSite.Identifiers;

namespace CreditSite.Core.Tests.Import;

/// <summary>Every reason a row is rejected, each reported with its line, its column and a Chinese reason.</summary>
public sealed class ListEntryValidationTests : IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string UsccWithWrongCheck = ImportFiles.Uscc[..17] + (ImportFiles.Uscc[17] == '0' ? '1' : '0');
    private static readonly char ExpectedUsccCheck = ImportFiles.Uscc[17];
    private static readonly string UsccWithWrongOrganisationCheck =
        ImportFiles.Uscc[..16] + (ImportFiles.Uscc[16] == '0' ? '1' : '0') + ImportFiles.Uscc[17];
    private static readonly string IdWithWrongCheck = ImportFiles.IdNumber[..17] + (ImportFiles.IdNumber[17] == '0' ? '1' : '0');

    [Theory]
    [InlineData("org", "entry_id", "", "entry_id", "必填项为空")]
    [InlineData("org", "entry_id", "JS 2025/1", "entry_id", "只能包含英文字母、数字")]
    [InlineData("org", "subject_name", "", "subject_name", "必填项为空")]
    [InlineData("org", "list_kind", "green", "list_kind", "未知的名单类型“green”")]
    [InlineData("org", "subject_type", "company", "subject_type", "未知的主体类型“company”")]
    [InlineData("org", "severity", "fatal", "severity", "未知的失信程度“fatal”")]
    [InlineData("org", "status", "pending", "status", "未知的状态“pending”")]
    [InlineData("org", "field", "环境保护", "field", "未知的领域“环境保护”")]
    [InlineData("org", "issuing_department", "", "issuing_department", "必填项为空")]
    [InlineData("org", "uscc", "", "uscc", "必须填写统一社会信用代码")]
    [InlineData("org", "uscc", "{uscc:check}", "uscc", "校验码（GB 32100）不正确：第18位应为“{expected}”")]
    [InlineData("org", "uscc", "{uscc:org}", "uscc", "组织机构代码的校验码（GB 11714）不正确")]
    [InlineData("org", "uscc", "91320402MA1MRH4I0X", "uscc", "不在统一社会信用代码的字符集中")]
    [InlineData("org", "id_number", "{id:valid}", "id_number", "不填写居民身份证号码")]
    [InlineData("person", "id_number", "", "id_number", "必须填写居民身份证号码")]
    [InlineData("person", "id_number", "{id:check}", "id_number", "校验码（GB 11643）不正确")]
    [InlineData("person", "id_number", "3204021980010100", "id_number", "应为18位")]
    [InlineData("person", "uscc", "{uscc:valid}", "uscc", "自然人条目不填写统一社会信用代码")]
    [InlineData("org", "decision_date", "2025/03/01", "decision_date", "格式不正确，应为 yyyy-MM-dd")]
    [InlineData("org", "decision_date", "", "decision_date", "必填项为空")]
    [InlineData("org", "decision_date", "2025-07-01", "decision_date", "决定日期晚于今天")]
    [InlineData("org", "public_until", "2025-13-01", "public_until", "格式不正确")]
    [InlineData("org", "public_until", "2025-02-28", "public_until", "早于决定日期")]
    [InlineData("org", "public_until", "2026-03-02", "public_until", "超过了一般失信信息的最长公示期限（自决定日期起 1年，即不晚于 2026-03-01）")]
    [InlineData("person", "public_until", "2028-02-11", "public_until", "超过了严重失信信息的最长公示期限")]
    [InlineData("org", "severity", "", "severity", "黑名单条目必须填写失信程度")]
    [InlineData("red", "severity", "serious", "severity", "红名单条目不填写失信程度")]
    [InlineData("org", "summary", "当事人身份证号{id:valid}，拒不改正。", "summary", "含有完整的居民身份证号码")]
    [InlineData("org", "summary", "含有\u0007响铃字符", "summary", "含有控制字符")]
    public void RejectsRowAndNamesLineColumnAndReason(string kind, string column, string value, string expectedColumn, string expectedReason)
    {
        var good = kind switch { "person" => ImportFiles.Person("GOOD-1"), "red" => ImportFiles.Honour("GOOD-1"), _ => ImportFiles.Organisation("GOOD-1") };
        var bad = kind switch { "person" => ImportFiles.Person("BAD-1"), "red" => ImportFiles.Honour("BAD-1"), _ => ImportFiles.Organisation("BAD-1") };
        if (column == "entry_id")
        {
            bad["entry_id"] = value;
        }
        else
        {
            bad[column] = Resolve(value);
        }

        var after = kind == "person" ? ImportFiles.Person("GOOD-2") : ImportFiles.Organisation("GOOD-2");
        var path = _files.Csv(good, bad, after);

        var report = _files.Importer().Validate(path);

        Assert.False(report.Accepted);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal(expectedColumn, problem.Column);
        Assert.Contains(Resolve(expectedReason), problem.Message, StringComparison.Ordinal);
        Assert.Contains("第 3 行", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsOrganisationPersonAndHonourRows()
    {
        var path = _files.Csv(ImportFiles.Organisation(), ImportFiles.Person(), ImportFiles.Honour());

        var report = _files.Importer().Validate(path);

        Assert.True(report.Accepted, report.Describe());
        Assert.Equal(3, report.Rows);
    }

    [Fact]
    public void ReportsDuplicateEntryIdWithTheLineWhereItFirstAppeared()
    {
        var path = _files.Csv(ImportFiles.Organisation("A-1"), ImportFiles.Person("A-2"), ImportFiles.Honour("A-1"));

        var report = _files.Importer().Validate(path);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Equal("entry_id", problem.Column);
        Assert.Contains("在本文件中重复，首次出现在第 2 行", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryBadRowNotJustTheFirst()
    {
        var path = _files.Csv(
            ImportFiles.With(ImportFiles.Organisation("B-1"), "field", "未知领域"),
            ImportFiles.Honour("B-2"),
            ImportFiles.With(ImportFiles.Person("B-3"), "id_number", IdWithWrongCheck),
            ImportFiles.With(ImportFiles.With(ImportFiles.Organisation("B-4"), "status", "gone"), "decision_date", "昨天"));

        var report = _files.Importer().Validate(path);

        Assert.Equal([2, 4, 5, 5], report.Problems.Select(p => p.Line).Order().ToArray());
        Assert.Equal(3, report.BadRows);
        Assert.Contains("发现 4 个问题（涉及 3 行）", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void NeverEchoesAFullResidentIdNumberInTheReport()
    {
        var path = _files.Csv(
            ImportFiles.With(ImportFiles.Person("P-1"), "id_number", IdWithWrongCheck),
            ImportFiles.With(ImportFiles.Organisation("P-2"), "decision_date", ImportFiles.IdNumber),
            ImportFiles.With(ImportFiles.Organisation("P-3"), "list_kind", ImportFiles.IdNumber),
            ImportFiles.With(ImportFiles.Person("P-4"), "subject_name", "王伟" + ImportFiles.IdNumber));

        var text = _files.Importer().Validate(path).Describe();

        Assert.Contains("第 2 行", text, StringComparison.Ordinal);
        Assert.Contains("第 5 行", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ImportFiles.IdNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdWithWrongCheck, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ImportFiles.IdNumber[..14], text, StringComparison.Ordinal);
    }

    [Fact]
    public void StoresPersonAsHashMaskAndOpaqueSubjectKey()
    {
        var validator = new CreditSite.Import.ListEntryValidator(ImportFiles.Hasher(), ImportFiles.Catalogue(), new DateOnly(2025, 6, 30));
        var report = new CreditSite.Import.ImportReport("x.csv");
        using var reader = new CreditSite.Import.ImportFileReader(_files.Csv(ImportFiles.Person()), CreditSite.Import.ListImportColumns.Set);
        var row = Assert.Single(reader.ReadRows(report));

        var entry = validator.Validate(row, report, ImportFiles.Now);

        Assert.NotNull(entry);
        Assert.Null(entry.Uscc);
        Assert.Equal(ResidentIdNumber.Mask(ImportFiles.IdNumber), entry.MaskedIdNumber);
        Assert.Equal(ImportFiles.Hasher().Hash(ResidentIdNumber.Complete(ImportFiles.IdNumber[..17])), entry.ResidentIdHash);
        Assert.Matches("^[0-9a-f]{20}$", entry.SubjectKey);
        Assert.DoesNotContain(ImportFiles.IdNumber[..14], entry.SubjectKey, StringComparison.Ordinal);
        Assert.NotEqual(entry.ResidentIdHash![..20], entry.SubjectKey);
    }

    private static string Resolve(string text) => text
        .Replace("{uscc:check}", UsccWithWrongCheck, StringComparison.Ordinal)
        .Replace("{uscc:org}", UsccWithWrongOrganisationCheck, StringComparison.Ordinal)
        .Replace("{uscc:valid}", ImportFiles.Uscc, StringComparison.Ordinal)
        .Replace("{id:check}", IdWithWrongCheck, StringComparison.Ordinal)
        .Replace("{id:valid}", ImportFiles.IdNumber, StringComparison.Ordinal)
        .Replace("{expected}", ExpectedUsccCheck.ToString(), StringComparison.Ordinal);
}
