using CreditSite.Hosting;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;

namespace CreditSite.Web.Tests.Cli;

/// <summary>The <c>creditsite</c> command as an operator uses it: exit codes, the report it prints, and what ends up in
/// the store.</summary>
public sealed class CreditSiteCliTests : IDisposable
{
    private static readonly string ExampleCsv = Path.Combine(SiteRoot.Find(), "docs", "examples", "list-entries.csv");
    private static readonly string ExampleJsonLines = Path.Combine(SiteRoot.Find(), "docs", "examples", "list-entries.jsonl");

    private readonly CliRun _cli = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _cli.Dispose();
    }

    private ListStore Store() => new(CreditStore.FromOptions(new StorageOptions { DataPath = _cli.DataPath }, _cli.DataPath));

    [Fact]
    public async Task ImportsTheExampleFileAndReportsWhatItWrote()
    {
        var result = await _cli.RunAsync("import", "--file", ExampleCsv);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("已写入 6 条：新增 6 条，更新 0 条，删除 0 条", result.Output, StringComparison.Ordinal);
        Assert.Equal(6, await Store().CountAsync());
        Assert.Equal("常州市钟楼区李记面馆", (await Store().FindAsync("JS-2025-000104"))!.SubjectName);
    }

    [Fact]
    public async Task ReimportingUpdatesAndReplaceRemovesTheRest()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "--file", ExampleCsv)).ExitCode);
        var lines = File.ReadAllLines(ExampleCsv);
        var two = _cli.Write("two.csv", string.Join('\n', lines[0], lines[1].Replace(",active", ",repaired", StringComparison.Ordinal), lines[3]) + "\n");

        var update = await _cli.RunAsync("import", "--file", two);
        Assert.Contains("新增 0 条，更新 2 条，删除 0 条", update.Output, StringComparison.Ordinal);
        Assert.Equal(6, await Store().CountAsync());

        var replace = await _cli.RunAsync("import", "--file", two, "--replace");

        Assert.True(replace.ExitCode == 0, replace.All);
        Assert.Contains("删除 4 条", replace.Output, StringComparison.Ordinal);
        Assert.Equal(2, await Store().CountAsync());
        Assert.Equal(Domain.EntryStatus.Repaired, (await Store().FindAsync("JS-2025-000101"))!.Status);
    }

    [Fact]
    public async Task ImportsJsonLines()
    {
        var result = await _cli.RunAsync("import", "--file", ExampleJsonLines);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(6, await Store().CountAsync());
    }

    [Fact]
    public async Task RejectedFileExitsWithOnePrintsEveryProblemAndWritesNothing()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "--file", ExampleCsv)).ExitCode);
        var lines = File.ReadAllLines(ExampleCsv);
        var person = lines.Single(l => l.Contains("natural_person,王伟", StringComparison.Ordinal));
        var bad = _cli.Write("bad.csv", string.Join('\n',
            lines[0],
            lines[1].Replace(",active", ",exited", StringComparison.Ordinal),
            lines[6].Replace("91320412MA20K7QD0U", "91320412MA20K7QD0T", StringComparison.Ordinal),
            person.Replace("320402198001010012", "320402198001010013", StringComparison.Ordinal).Replace("JS-2025-000103", "JS-2025-000199", StringComparison.Ordinal),
            lines[2].Replace("JS-2025-000102", "JS-2025-000101", StringComparison.Ordinal)) + "\n");

        var result = await _cli.RunAsync("import", "--file", bad, "--replace");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("导入被拒绝，未写入任何数据", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 3 行，uscc 列：统一社会信用代码的校验码（GB 32100）不正确：第18位应为“U”，实为“T”", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 4 行，id_number 列：居民身份证号码的校验码（GB 11643）不正确", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 5 行，entry_id 列：entry_id“JS-2025-000101”在本文件中重复，首次出现在第 2 行", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("320402198001010013", result.All, StringComparison.Ordinal);
        Assert.Equal(6, await Store().CountAsync());
        Assert.Equal(Domain.EntryStatus.Active, (await Store().FindAsync("JS-2025-000101"))!.Status);
    }

    [Theory]
    [InlineData("", "缺少命令")]
    [InlineData("export", "未知的命令“export”")]
    [InlineData("import", "缺少 --file")]
    [InlineData("import --file", "选项 --file 缺少值")]
    [InlineData("import --file no-such-file.csv", "找不到文件")]
    [InlineData("import --file x.csv --force", "不支持选项 --force")]
    [InlineData("import --file x.csv --file y.csv", "选项 --file 出现了不止一次")]
    [InlineData("demo-data --count lots --out x.csv", "--count 应为 1 到 10000000 之间的整数")]
    [InlineData("demo-data --count 10", "缺少 --out")]
    [InlineData("demo-data --kind fine --count 10 --out x.csv", "未知的种类“fine”")]
    [InlineData("demo-data --kind licence --out x.csv", "缺少 --count")]
    [InlineData("demo-data --kind penalty --count 10 --subjects none --out x.csv", "--subjects 应为 1 到 10000000 之间的整数")]
    [InlineData("demo-data --count 10 --subjects 5 --out x.csv", "--subjects 只用于")]
    [InlineData("import x.csv", "未知的命令“x.csv”")]
    [InlineData("import --file x.csv extra", "未知的命令“extra”")]
    [InlineData("import --file x.csv -- extra", "无法识别的参数“extra”")]
    [InlineData("import --replace=yes --file x.csv", "开关选项（如 --replace）不能带值")]
    [InlineData("api-key", "缺少子命令")]
    [InlineData("import --kind fine --file x.csv", "未知的导入种类“fine”，--kind 应为 list（红黑名单条目，默认）、licence（行政许可）、penalty（行政处罚）、commitment（信用承诺）或 subject")]
    [InlineData("import --file x.csv --kind", "选项 --kind 缺少值")]
    public async Task UsageErrorsExitWithTwoAndShowChineseUsage(string commandLine, string expected)
    {
        var result = await _cli.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("用法：creditsite <命令> [选项]", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", "import")]
    [InlineData("import --help", "--replace")]
    [InlineData("import --help", "penalty（行政处罚）")]
    [InlineData("reindex --help", "creditsite reindex")]
    [InlineData("demo-data --help", "--seed")]
    [InlineData("demo-data --help", "--subjects")]
    [InlineData("api-key --help", "revoke")]
    [InlineData("api-key issue --help", "--quota")]
    public async Task EveryCommandExplainsItselfInChineseWithHelp(string commandLine, string expected)
    {
        var result = await _cli.RunAsync(commandLine.Split(' '));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("用法", result.Output, StringComparison.Ordinal);
        Assert.Contains("显示帮助信息", result.Output, StringComparison.Ordinal);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASettingTheSiteWouldRefuseIsAUsageErrorNamingItAndNothingIsWritten()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CreditSite.Cli.CreditSiteCli.RunAsync(
            ["import", "--file", ExampleCsv],
            new CreditSite.Cli.CliConsole(output, error),
            new Dictionary<string, string?> { ["Storage:DataPath"] = _cli.DataPath, ["Privacy:IdHashKey"] = "short" },
            CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("配置有误：Privacy:IdHashKey 至少 16 个字符", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.DataPath, "*.db"));
    }

    [Fact]
    public async Task DemoDataItGeneratesImportsCleanly()
    {
        var path = Path.Combine(_cli.DataPath, "demo.csv");

        var generate = await _cli.RunAsync("demo-data", "--count", "1500", "--out", path);
        var import = await _cli.RunAsync("import", "--file", path);

        Assert.True(generate.ExitCode == 0, generate.All);
        Assert.Contains("已生成 1500 条演示数据", generate.Output, StringComparison.Ordinal);
        Assert.True(import.ExitCode == 0, import.All);
        Assert.Contains("新增 1500 条", import.Output, StringComparison.Ordinal);
        Assert.Equal(1500, await Store().CountAsync());
    }

    [Fact]
    public async Task DemoDataOfEveryRecordKindAboutOnePoolOfSubjectsImportsCleanly()
    {
        var records = new RecordStore(CreditStore.FromOptions(new StorageOptions { DataPath = _cli.DataPath }, _cli.DataPath));
        foreach (var (kind, count) in new[] { ("subject", "0"), ("licence", "900"), ("penalty", "600"), ("commitment", "300") })
        {
            var path = Path.Combine(_cli.DataPath, kind + ".csv");
            var generate = await _cli.RunAsync(count == "0"
                ? ["demo-data", "--kind", kind, "--subjects", "500", "--out", path]
                : ["demo-data", "--kind", kind, "--count", count, "--subjects", "500", "--out", path]);
            var import = await _cli.RunAsync("import", "--kind", kind, "--file", path);

            Assert.True(generate.ExitCode == 0, generate.All);
            Assert.True(import.ExitCode == 0, import.All);
            if (count != "0")
            {
                Assert.Contains($"已生成 {count} 条演示数据", generate.Output, StringComparison.Ordinal);
                Assert.Contains($"新增 {count} 条", import.Output, StringComparison.Ordinal);
            }
        }

        Assert.Equal(1800, (await records.DatasetAsync(Domain.RecordKind.Licence)).Count + (await records.DatasetAsync(Domain.RecordKind.Penalty)).Count
            + (await records.DatasetAsync(Domain.RecordKind.Commitment)).Count);
        Assert.InRange(await records.CountListedAsync() - 1800, 400, 480); // the registry records of the pool's organisations (about 88 %)
    }

    [Fact]
    public async Task PrintsPlainProgressLinesWhenOutputIsRedirected()
    {
        var result = await _cli.RunAsync("import", "--file", ExampleCsv);

        Assert.Contains("校验：100%，完成", result.Output, StringComparison.Ordinal);
        Assert.Contains("写入存储：100%，完成", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }
}
