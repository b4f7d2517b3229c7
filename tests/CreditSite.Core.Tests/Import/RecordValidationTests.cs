using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;

namespace CreditSite.Core.Tests.Import;

/// <summary>Every reason a row of a 行政处罚, 行政许可, 信用承诺 or 基础信息 file is rejected, each reported with its line,
/// its column and a Chinese reason, through the importer's validation pass over a real CSV file.</summary>
public sealed class RecordValidationTests : IDisposable
{
    private static readonly string UsccWithWrongCheck = ImportFiles.Uscc[..17] + (ImportFiles.Uscc[17] == '0' ? '1' : '0');
    private static readonly string IdWithWrongCheck = ImportFiles.IdNumber[..17] + (ImportFiles.IdNumber[17] == '0' ? '1' : '0');

    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private ImportReport Validate(ImportKind kind, string path) =>
        RecordRows.Importer(new CreditStore(Hosting.StoreProvider.Sqlite, $"Data Source={Path.Combine(_files.Folder, "unused.db")}"))
            .Validate(kind, path);

    /// <summary><paramref name="changes"/>: <c>column=value</c> pairs separated by <c>|</c>, applied to a good row.</summary>
    [Theory]
    [InlineData("record_id=", "record_id", "必填项为空")]
    [InlineData("record_id=CF 2025/1", "record_id", "只能包含英文字母、数字")]
    [InlineData("subject_type=company", "subject_type", "未知的主体类型“company”")]
    [InlineData("subject_name=", "subject_name", "必填项为空")]
    [InlineData("uscc=", "uscc", "法人和其他组织记录必须填写统一社会信用代码")]
    [InlineData("uscc={uscc:check}", "uscc", "校验码（GB 32100）不正确")]
    [InlineData("id_number={id:valid}", "id_number", "法人和其他组织记录不填写居民身份证号码")]
    [InlineData("decision_number=", "decision_number", "必填项为空")]
    [InlineData("violation_type=", "violation_type", "必填项为空")]
    [InlineData("facts=当事人身份证号{id:valid}。", "facts", "含有完整的居民身份证号码")]
    [InlineData("legal_basis=", "legal_basis", "必填项为空")]
    [InlineData("penalty_types=", "penalty_types", "必填项为空")]
    [InlineData("penalty_types=罚款;罚金", "penalty_types", "未知的处罚类别“罚金”")]
    [InlineData("content=", "content", "必填项为空")]
    [InlineData("fine_amount=-1", "fine_amount", "金额不能为负数")]
    [InlineData("fine_amount=5万元", "fine_amount", "格式不正确，应为以万元为单位的数字")]
    [InlineData("fine_amount=1,000", "fine_amount", "格式不正确")]
    [InlineData("fine_amount=0.1234567", "fine_amount", "小数超过 6 位")]
    [InlineData("fine_amount=", "fine_amount", "处罚类别含“罚款”，必须填写罚款金额（万元）")]
    [InlineData("confiscated_amount=", "confiscated_amount", "处罚类别含“没收违法所得”，必须填写没收违法所得、没收非法财物的金额（万元）")]
    [InlineData("penalty_types=罚款;吊销许可证件", "licence_affected", "处罚类别含“吊销许可证件”，必须填写暂扣或吊销证照名称及编号")]
    [InlineData("decision_date=2025/03/01", "decision_date", "格式不正确，应为 yyyy-MM-dd")]
    [InlineData("decision_date=2025-07-01", "decision_date", "处罚决定日期晚于今天")]
    [InlineData("severity=", "severity", "必填项为空")]
    [InlineData("severity=fatal", "severity", "未知的失信程度“fatal”")]
    [InlineData("simplified_procedure=yes", "simplified_procedure", "不是 true 或 false")]
    [InlineData("public_until=2026-03-02", "public_until", "超过了一般失信行政处罚信息的最长公示期限（自处罚决定日期起 1年，即不晚于 2026-03-01）")]
    [InlineData("severity=minor", "public_until", "超过了轻微失信行政处罚信息的最长公示期限（自处罚决定日期起 3个月，即不晚于 2025-06-01）")]
    [InlineData("public_until=2025-02-28", "public_until", "早于处罚决定日期")]
    [InlineData("department=", "department", "必填项为空")]
    [InlineData("department_uscc={uscc:check}", "department_uscc", "校验码（GB 32100）不正确")]
    [InlineData("source_department={long}", "source_department", "超过上限 100")]
    [InlineData("field=环境保护", "field", "未知的领域“环境保护”")]
    [InlineData("status=exited", "status", "行政处罚记录的状态应为 active（公示中）、repaired（已信用修复）、revoked")]
    public void RejectsBadPenaltyRows(string changes, string expectedColumn, string expectedReason) =>
        AssertSingleProblem(ImportKind.Penalty, RecordRows.Penalty, changes, expectedColumn, expectedReason);

    [Theory]
    [InlineData("id_number=", "id_number", "自然人记录必须填写居民身份证号码")]
    [InlineData("id_number={id:check}", "id_number", "校验码（GB 11643）不正确")]
    [InlineData("id_number=3204021980010100", "id_number", "应为18位")]
    [InlineData("uscc={uscc:valid}", "uscc", "自然人记录不填写统一社会信用代码")]
    [InlineData("subject_type=individual_business|id_number=", "uscc", "个体工商户记录必须填写统一社会信用代码；没有统一社会信用代码的，在 id_number 列填写经营者的居民身份证号码")]
    [InlineData("subject_type=individual_business|uscc={uscc:valid}", "id_number", "已填写统一社会信用代码的个体工商户记录不填写居民身份证号码")]
    public void RejectsBadPersonPenaltyRows(string changes, string expectedColumn, string expectedReason) =>
        AssertSingleProblem(ImportKind.Penalty, RecordRows.PersonPenalty, changes, expectedColumn, expectedReason);

    [Theory]
    [InlineData("decision_title=", "decision_title", "必填项为空")]
    [InlineData("decision_number=", "decision_number", "必填项为空")]
    [InlineData("licence_category=", "licence_category", "必填项为空")]
    [InlineData("licence_category=许可", "licence_category", "未知的许可类别“许可”。可用的许可类别：普通、特许、认可、核准、登记、其他")]
    [InlineData("certificate_name=证\u0007书", "certificate_name", "含有控制字符")]
    [InlineData("content=", "content", "必填项为空")]
    [InlineData("decision_date=", "decision_date", "必填项为空")]
    [InlineData("decision_date=2025-07-01", "decision_date", "许可决定日期晚于今天")]
    [InlineData("valid_from=2025-02-30", "valid_from", "格式不正确")]
    [InlineData("valid_to=2025-02-17", "valid_to", "有效期至 2025-02-17 早于有效期自 2025-02-18")]
    [InlineData("status=active", "status", "行政许可记录的状态应为 valid（有效）、revoked（已撤销）、cancelled（已注销）或 expired（已过期）")]
    [InlineData("department=", "department", "必填项为空")]
    [InlineData("subject_type=natural_person|uscc=|id_number={id:check}", "id_number", "校验码（GB 11643）不正确")]
    public void RejectsBadLicenceRows(string changes, string expectedColumn, string expectedReason) =>
        AssertSingleProblem(ImportKind.Licence, RecordRows.Licence, changes, expectedColumn, expectedReason);

    [Theory]
    [InlineData("commitment_type=", "commitment_type", "必填项为空")]
    [InlineData("commitment_type=承诺制", "commitment_type", "未知的承诺类型“承诺制”")]
    [InlineData("content=", "content", "必填项为空")]
    [InlineData("made_on=", "made_on", "必填项为空")]
    [InlineData("made_on=2025-07-01", "made_on", "承诺日期晚于今天")]
    [InlineData("accepted_by=", "accepted_by", "必填项为空")]
    [InlineData("public_until=2028-03-21", "public_until", "超过了信用承诺的最长公示期限（自承诺日期起 3年，即不晚于 2028-03-20）")]
    [InlineData("public_until=2025-03-19", "public_until", "早于承诺日期")]
    [InlineData("status=repaired", "status", "信用承诺记录的状态应为 active（履约中）、fulfilled（已履约）、breached（已违诺）或 withdrawn（已撤回）")]
    [InlineData("subject_type=natural_person|id_number={id:valid}", "uscc", "自然人记录不填写统一社会信用代码")]
    public void RejectsBadCommitmentRows(string changes, string expectedColumn, string expectedReason) =>
        AssertSingleProblem(ImportKind.Commitment, RecordRows.Commitment, changes, expectedColumn, expectedReason);

    [Theory]
    [InlineData("uscc=", "uscc", "必填项为空")]
    [InlineData("uscc={uscc:check}", "uscc", "校验码（GB 32100）不正确")]
    [InlineData("uscc={id:valid}", "uscc", "组织机构代码的校验码（GB 11714）不正确")]
    [InlineData("name=", "name", "必填项为空")]
    [InlineData("former_names=常州恒达食品厂;{long}", "former_names", "超过 200 个字符")]
    [InlineData("registered_on=2016-3-8", "registered_on", "格式不正确")]
    [InlineData("registered_on=2025-07-01", "registered_on", "成立（登记）日期晚于今天")]
    [InlineData("address=常州市天宁区\u0001青洋北路", "address", "含有控制字符")]
    [InlineData("status=在业", "status", "未知的登记状态“在业”。可用的登记状态：存续、注销、吊销、迁出")]
    [InlineData("status=", "status", "必填项为空")]
    public void RejectsBadSubjectRows(string changes, string expectedColumn, string expectedReason) =>
        AssertSingleProblem(ImportKind.Subject, _ => RecordRows.Subject(UnifiedSocialCreditCode.Complete("91320411MA1Q8N2C").Value), changes, expectedColumn, expectedReason);

    [Theory]
    [InlineData(ImportKind.Penalty)]
    [InlineData(ImportKind.Licence)]
    [InlineData(ImportKind.Commitment)]
    [InlineData(ImportKind.Subject)]
    public void AcceptsTheGoodRowsOfEveryKind(ImportKind kind)
    {
        var path = _files.Csv(kind, RecordRows.Row(kind, Id(kind, 1)), RecordRows.Row(kind, Id(kind, 2)));

        var report = Validate(kind, path);

        Assert.True(report.Accepted, report.Describe());
        Assert.Equal(2, report.Rows);
    }

    [Fact]
    public void ABusinessLicenceNumberedByAnAllDigitUsccEndingInXIsNotTakenForAnIdNumber()
    {
        // 17 digits and X with a matching ID check character, but "born" in 8159: found by the 5M-record benchmark.
        var licence = ImportFiles.With(RecordRows.Licence("XK-USCC"), "certificate_number", "91320481590218834X");

        var report = Validate(ImportKind.Licence, _files.Csv(ImportKind.Licence, licence));

        Assert.True(report.Accepted, report.Describe());
    }

    [Theory]
    [InlineData(ImportKind.Penalty, "record_id")]
    [InlineData(ImportKind.Licence, "record_id")]
    [InlineData(ImportKind.Commitment, "record_id")]
    [InlineData(ImportKind.Subject, "uscc")]
    public void ReportsADuplicateKeyWithTheLineWhereItFirstAppeared(ImportKind kind, string key)
    {
        var first = RecordRows.Row(kind, Id(kind, 1));
        var again = RecordRows.Row(kind, Id(kind, 1));
        if (kind == ImportKind.Subject)
        {
            again["uscc"] = again["uscc"].ToLowerInvariant(); // normalised before it is compared
        }

        var problem = Assert.Single(Validate(kind, _files.Csv(kind, first, RecordRows.Row(kind, Id(kind, 2)), again)).Problems);

        Assert.Equal((4, key), (problem.Line, problem.Column));
        Assert.Contains("在本文件中重复，首次出现在第 2 行", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderOfAnotherKindIsRejectedNamingTheColumnsThisKindHas()
    {
        var path = _files.Csv(ImportKind.Licence, RecordRows.Licence());

        var report = Validate(ImportKind.Penalty, path);

        Assert.False(report.Accepted);
        Assert.Contains(report.Problems, p => p.Line == 1 && p.Column == "decision_title" && p.Message.Contains("可用的列：record_id", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 1 && p.Column == "violation_type" && p.Message.Contains("表头缺少必需的列", StringComparison.Ordinal));
    }

    [Fact]
    public void NeverEchoesAFullResidentIdNumberInTheReport()
    {
        var path = _files.Csv(ImportKind.Penalty,
            ImportFiles.With(RecordRows.PersonPenalty("P-1"), "id_number", IdWithWrongCheck),
            ImportFiles.With(RecordRows.Penalty("P-2"), "decision_date", ImportFiles.IdNumber),
            ImportFiles.With(RecordRows.Penalty("P-3"), "fine_amount", ImportFiles.IdNumber + "X"),
            ImportFiles.With(RecordRows.PersonPenalty("P-4"), "content", "王伟" + ImportFiles.IdNumber));

        var text = Validate(ImportKind.Penalty, path).Describe();

        Assert.Contains("第 5 行", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ImportFiles.IdNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdWithWrongCheck, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ImportFiles.IdNumber[..14], text, StringComparison.Ordinal);
    }

    /// <summary>A good row, the bad one (a good row with <paramref name="changes"/>), a good row: exactly one problem,
    /// on line 3, in <paramref name="expectedColumn"/>, with <paramref name="expectedReason"/>.</summary>
    private void AssertSingleProblem(
        ImportKind kind, Func<string, Dictionary<string, string>> row, string changes, string expectedColumn, string expectedReason)
    {
        var bad = row("BAD-1");
        foreach (var change in changes.Split('|'))
        {
            var (column, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            bad[column] = Resolve(value);
        }

        var first = kind == ImportKind.Subject ? RecordRows.Subject(ImportFiles.Uscc) : row("GOOD-1");
        var last = kind == ImportKind.Subject ? RecordRows.Subject(ImportFiles.OtherUscc) : row("GOOD-2");
        var report = Validate(kind, _files.Csv(kind, first, bad, last));

        Assert.False(report.Accepted);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal(expectedColumn, problem.Column);
        Assert.Contains(Resolve(expectedReason), problem.Message, StringComparison.Ordinal);
        Assert.Contains("第 3 行，" + expectedColumn + " 列", report.Describe(), StringComparison.Ordinal);
    }

    private static string Id(ImportKind kind, int n) => kind == ImportKind.Subject
        ? (n == 1 ? ImportFiles.Uscc : ImportFiles.OtherUscc)
        : $"{kind.Code()}-{n}";

    private static string Resolve(string text) => text
        .Replace("{uscc:check}", UsccWithWrongCheck, StringComparison.Ordinal)
        .Replace("{uscc:valid}", ImportFiles.Uscc, StringComparison.Ordinal)
        .Replace("{id:check}", IdWithWrongCheck, StringComparison.Ordinal)
        .Replace("{id:valid}", ImportFiles.IdNumber, StringComparison.Ordinal)
        .Replace("{long}", new string('名', 201), StringComparison.Ordinal);
}
