using System.ComponentModel;
using System.Globalization;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Search;
using CreditSite.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary><c>import [--kind K] --file F [--replace]</c>: validate everything, write all-or-nothing in one transaction,
/// then bring the search index up to date (or leave that to the running site's synchroniser when it holds the index
/// lock). <c>--kind</c> says what the file holds: list entries (the default), licences, penalties, commitments or
/// registry records.</summary>
public sealed class ImportCommand(
    CreditStore store, ListImporter lists, RecordImporter records, ListIndexer indexer, ISearchEngine engine, CliConsole console)
    : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--kind <KIND>")]
        [Description("文件中是什么：list（红黑名单条目，默认）、licence（行政许可）、penalty（行政处罚）、" +
            "commitment（信用承诺）、subject（基础信息：法人和其他组织的登记信息，不含自然人）。各种文件的列见 docs/import-format.md")]
        public string? Kind { get; init; }

        [CommandOption("--file <FILE>")]
        [Description("要导入的 UTF-8 CSV 或 JSON Lines 文件（格式见 docs/import-format.md）")]
        public string? File { get; init; }

        [CommandOption("--replace")]
        [Description("以文件替换这一种的全部数据：文件中没有的条目（或记录）将被删除，其他种类不受影响")]
        public bool Replace { get; init; }

        public ImportKind ParsedKind => ImportKindText.TryParse(Kind ?? "list", out var kind) ? kind : ImportKind.List;

        public override ValidationResult Validate()
        {
            if (Kind is not null && !ImportKindText.TryParse(Kind, out _))
            {
                return ValidationResult.Error($"未知的导入种类“{Kind}”，--kind 应为 {ImportKindText.Choices()}。");
            }

            return File is null ? ValidationResult.Error("缺少 --file <文件>（要导入的 CSV 或 JSON Lines 文件）。") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Path.GetFullPath(settings.File!);
        if (!File.Exists(path))
        {
            throw new CliUsageException($"找不到文件：{path}");
        }

        var replace = settings.Replace;
        var kind = settings.ParsedKind;
        await store.MigrateAsync(cancellationToken);
        console.Out.WriteLine($"导入{kind.Label()} {Path.GetFileName(path)} → {store.Description}{(replace ? $"（替换全部{kind.Label()}）" : string.Empty)}");

        var result = await CliProgress.RunAsync(["校验", "写入存储"], async lines =>
        {
            var options = new ImportOptions { Replace = replace, Progress = new Progress(lines) };
            return kind == ImportKind.List
                ? await lists.ImportAsync(path, options, cancellationToken)
                : await records.ImportAsync(kind, path, options, cancellationToken);
        });

        if (!result.Accepted)
        {
            console.Out.WriteLine(result.Report.Describe());
            return ExitCodes.Rejected;
        }

        var written = result.Written!;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"已写入 {written.Rows} 条：新增 {written.Inserted} 条，更新 {written.Updated} 条，删除 {written.Removed} 条（变更序号 {written.ChangeSeq}）。"));
        if (result.Report.Warnings.Count > 0)
        {
            // Rows written otherwise than the file says: a credit repair or an objection decided on them outlives the import.
            console.Out.WriteLine(result.Report.Describe());
        }

        await UpdateIndexAsync(written.Rows, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>The store is the system of record and has committed; the index is a projection of it. A failure here is
    /// reported but does not fail the import: the site's synchroniser (or <c>reindex</c>) applies the same changes.</summary>
    private async Task UpdateIndexAsync(long expected, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await CliProgress.RunAsync(["更新搜索索引"], async lines =>
            {
                lines[0].SetTotal(Math.Max(expected, await indexer.PendingAsync(cancellationToken)));
                return await indexer.CatchUpAsync(engine, TimeSpan.FromSeconds(5), lines[0], cancellationToken);
            });
            console.Out.WriteLine(outcome.State switch
            {
                ListIndexState.Busy => "搜索索引正由运行中的网站同步，本次导入将在数秒内可以搜索到。",
                ListIndexState.UpToDate => "搜索索引已是最新。",
                _ => string.Create(CultureInfo.InvariantCulture, $"搜索索引已更新：{outcome.Upserted} 条写入，{outcome.Deleted} 条删除。"),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.Out.WriteLine($"警告：数据已写入存储，但更新搜索索引失败（{e.Message}）。运行中的网站会自动同步；也可运行 creditsite reindex。");
        }
    }

    private sealed class Progress(IReadOnlyList<IProgressLine> lines) : IProgress<ImportProgress>
    {
        private bool _totalsSet;

        public void Report(ImportProgress value)
        {
            if (!_totalsSet)
            {
                _totalsSet = true;
                lines[0].SetTotal(value.TotalBytes);
                lines[1].SetTotal(value.TotalBytes);
            }

            if (value.Phase == ImportPhase.Writing)
            {
                lines[0].Finish();
            }

            lines[value.Phase == ImportPhase.Validating ? 0 : 1].Report(value.Bytes);
        }
    }
}
