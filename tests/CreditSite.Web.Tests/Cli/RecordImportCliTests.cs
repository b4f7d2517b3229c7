using System.Text;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;

namespace CreditSite.Web.Tests.Cli;

/// <summary><c>creditsite import --kind licence|penalty|commitment|subject</c> as an operator runs it: the example files
/// import, <c>--replace</c> replaces one kind only, a bad file is rejected with line and column and writes nothing, a
/// broken catalogue stops the command with file and line, and no full ID number reaches the data folder.</summary>
public sealed class RecordImportCliTests : IDisposable
{
    private static readonly string Examples = Path.Combine(SiteRoot.Find(), "docs", "examples");

    private readonly CliRun _cli = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _cli.Dispose();
    }

    private CreditStore Store() => CreditStore.FromOptions(new StorageOptions { DataPath = _cli.DataPath }, _cli.DataPath);

    private RecordStore Records() => new(Store());

    private static string Example(string name) => Path.Combine(Examples, name);

    [Theory]
    [InlineData("penalty", "penalties.csv", "行政处罚", 4)]
    [InlineData("penalty", "penalties.jsonl", "行政处罚", 4)]
    [InlineData("licence", "licences.csv", "行政许可", 4)]
    [InlineData("commitment", "commitments.csv", "信用承诺", 3)]
    [InlineData("subject", "subjects.csv", "基础信息", 4)]
    [InlineData("subject", "subjects.jsonl", "基础信息", 4)]
    public async Task ImportsTheExampleFileOfEachKindAndIndexesIt(string kind, string file, string label, int expected)
    {
        var result = await _cli.RunAsync("import", "--kind", kind, "--file", Example(file));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"导入{label}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"已写入 {expected} 条：新增 {expected} 条，更新 0 条，删除 0 条", result.Output, StringComparison.Ordinal);
        Assert.Contains($"搜索索引已更新：{expected} 条写入", result.Output, StringComparison.Ordinal);
        Assert.Equal(expected, await Records().CountListedAsync());
    }

    [Fact]
    public async Task TheExampleRecordsArriveWithTheirValues()
    {
        foreach (var (kind, file) in new[] { ("penalty", "penalties.csv"), ("licence", "licences.csv"), ("commitment", "commitments.csv"), ("subject", "subjects.csv") })
        {
            var run = await _cli.RunAsync("import", "--kind", kind, "--file", Example(file));
            Assert.True(run.ExitCode == 0, run.All);
        }

        var fine = (await Records().FindAsync(RecordKind.Penalty, "CF-2025-000201"))!;
        Assert.Equal((5m, 0.32m, "常州天宁恒达食品有限公司"), (fine.FineAmount!.Value, fine.ConfiscatedAmount!.Value, fine.SubjectName));
        Assert.Equal(["罚款", "没收违法所得"], fine.PenaltyTypes);
        var simplified = (await Records().FindAsync(RecordKind.Penalty, "CF-2025-000203"))!;
        Assert.True(simplified.Unpublished);
        Assert.Equal(RecordStatus.Revoked, (await Records().FindAsync(RecordKind.Licence, "XK-2023-000303"))!.Status);
        Assert.Equal("320481********002X", (await Records().FindAsync(RecordKind.Licence, "XK-2024-000304"))!.MaskedIdNumber);
        Assert.Equal(RecordStatus.Fulfilled, (await Records().FindAsync(RecordKind.Commitment, "CN-2025-000402"))!.Status);
        Assert.Equal(["常州天宁恒达副食品有限公司", "常州恒达食品厂"], (await Records().FindSubjectAsync("91320402MA1MRH4B88"))!.FormerNames);
    }

    [Fact]
    public async Task ReplaceRemovesRecordsOfThatKindOnly()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "--file", Example("list-entries.csv"))).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("import", "--kind", "licence", "--file", Example("licences.csv"))).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("import", "--kind", "penalty", "--file", Example("penalties.csv"))).ExitCode);
        var lines = File.ReadAllLines(Example("penalties.csv"));
        var one = _cli.Write("one-penalty.csv", string.Join('\n', lines[0], lines[2]) + "\n");

        var replace = await _cli.RunAsync("import", "--kind", "penalty", "--file", one, "--replace");

        Assert.True(replace.ExitCode == 0, replace.All);
        Assert.Contains("（替换全部行政处罚）", replace.Output, StringComparison.Ordinal);
        Assert.Contains("已写入 1 条：新增 0 条，更新 1 条，删除 3 条", replace.Output, StringComparison.Ordinal);
        Assert.Equal(1, (await Records().DatasetAsync(RecordKind.Penalty)).Count);
        Assert.NotNull(await Records().FindAsync(RecordKind.Penalty, "CF-2025-000202"));
        Assert.Equal(4, (await Records().DatasetAsync(RecordKind.Licence)).Count);
        Assert.Equal(6, await new ListStore(Store()).CountAsync());
    }

    [Fact]
    public async Task RejectedFileExitsWithOneNamesLineAndColumnAndWritesNothing()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "--kind", "penalty", "--file", Example("penalties.csv"))).ExitCode);
        var lines = File.ReadAllLines(Example("penalties.csv"));
        var bad = _cli.Write("bad-penalties.csv", string.Join('\n',
            lines[0],
            lines[1].Replace(",active", ",repaired", StringComparison.Ordinal),
            lines[2].Replace(",1.5,", ",-1.5,", StringComparison.Ordinal),
            lines[3].Replace("92320404MA1X3L6P5G", "92320404MA1X3L6P5H", StringComparison.Ordinal),
            lines[2].Replace("320402198001010012", "320402198001010013", StringComparison.Ordinal).Replace("CF-2025-000202", "CF-2025-000299", StringComparison.Ordinal),
            lines[1].Replace(",general,", ",serious,", StringComparison.Ordinal).Replace(",2026-03-01,", ",2029-03-01,", StringComparison.Ordinal)) + "\n");

        var result = await _cli.RunAsync("import", "--kind", "penalty", "--file", bad, "--replace");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("导入被拒绝，未写入任何数据", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 3 行，fine_amount 列：金额不能为负数", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 4 行，uscc 列：统一社会信用代码的校验码（GB 32100）不正确", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 5 行，id_number 列：居民身份证号码的校验码（GB 11643）不正确", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 6 行，public_until 列：公示截止日期 2029-03-01 超过了严重失信行政处罚信息的最长公示期限", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 6 行，record_id 列：record_id“CF-2025-000201”在本文件中重复，首次出现在第 2 行", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("320402198001010013", result.All, StringComparison.Ordinal);
        Assert.Equal(4, (await Records().DatasetAsync(RecordKind.Penalty)).Count);
        Assert.Equal(RecordStatus.Active, (await Records().FindAsync(RecordKind.Penalty, "CF-2025-000201"))!.Status);
    }

    [Fact]
    public async Task AFileOfAnotherKindIsRejectedAtItsHeader()
    {
        var result = await _cli.RunAsync("import", "--kind", "licence", "--file", Example("penalties.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("第 1 行，violation_type 列：表头中有未知的列“violation_type”", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 1 行，decision_title 列：表头缺少必需的列", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenCatalogueStopsTheImportWithItsFileAndLine()
    {
        var content = Path.Combine(_cli.DataPath, "content");
        Directory.CreateDirectory(Path.Combine(content, "data"));
        var catalogue = await File.ReadAllTextAsync(Path.Combine(SiteRoot.Find(), "content", "data", "catalogue.yaml"));
        await File.WriteAllTextAsync(Path.Combine(content, "data", "catalogue.yaml"),
            catalogue.Replace("      general: {min: 3m, max: 1y}", "      general: {min: 3m, max: soon}", StringComparison.Ordinal), new UTF8Encoding(false));
        _cli.Environment["Content__Path"] = content;

        var result = await _cli.RunAsync("import", "--kind", "penalty", "--file", Example("penalties.csv"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("命令未执行", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"content/data/catalogue\.yaml:\d+: “soon” 不是期限", result.Error);
        Assert.Empty(Directory.GetFiles(_cli.DataPath, "*.db"));
    }

    [Fact]
    public async Task APenalisedPersonsFullIdNumberIsNowhereInTheDataFolder()
    {
        const string IdNumber = "320402198001010012"; // 王伟 in docs/examples/penalties.csv and commitments.csv
        Assert.Equal(0, (await _cli.RunAsync("import", "--kind", "penalty", "--file", Example("penalties.jsonl"))).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("import", "--kind", "commitment", "--file", Example("commitments.csv"))).ExitCode);

        SqliteConnection.ClearAllPools();
        var files = Directory.EnumerateFiles(_cli.DataPath, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(CreditStore.SqliteFileName, StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}index{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(IdNumber[..14])) < 0, file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(IdNumber[..14])) < 0, file);
        }
    }
}
