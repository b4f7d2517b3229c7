using System.ComponentModel;
using System.Globalization;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Search;
using CreditSite.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary><c>import --file F [--replace]</c>: validate everything, write all-or-nothing in one transaction, then bring
/// the search index up to date (or leave that to the running site's synchroniser when it holds the index lock).</summary>
public sealed class ImportCommand(CreditStore store, ListImporter importer, ListIndexer indexer, ISearchEngine engine, CliConsole console)
    : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--file <FILE>")]
        [Description("要导入的 UTF-8 CSV 或 JSON Lines 文件（格式见 docs/import-format.md）")]
        public string? File { get; init; }

        [CommandOption("--replace")]
        [Description("以文件替换全部条目：文件中没有的条目将被删除")]
        public bool Replace { get; init; }

        public override ValidationResult Validate() =>
            File is null ? ValidationResult.Error("缺少 --file <文件>（要导入的 CSV 或 JSON Lines 文件）。") : ValidationResult.Success();
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
        await store.MigrateAsync(cancellationToken);
        console.Out.WriteLine($"导入 {Path.GetFileName(path)} → {store.Description}{(replace ? "（替换全部条目）" : string.Empty)}");

        var result = await CliProgress.RunAsync(["校验", "写入存储"], async lines =>
        {
            var progress = new Progress(lines);
            return await importer.ImportAsync(path, new ImportOptions { Replace = replace, Progress = progress }, cancellationToken);
        });

        if (!result.Accepted)
        {
            console.Out.WriteLine(result.Report.Describe());
            return ExitCodes.Rejected;
        }

        var written = result.Written!;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"已写入 {written.Rows} 条：新增 {written.Inserted} 条，更新 {written.Updated} 条，删除 {written.Removed} 条（变更序号 {written.ChangeSeq}）。"));

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
