using System.Globalization;
using CreditSite.Import;
using CreditSite.Storage;

namespace CreditSite.Cli;

/// <summary><c>import --file F [--replace]</c>: validate everything, write all-or-nothing in one transaction, then bring
/// the search index up to date (or leave that to the running site's synchroniser when it holds the index lock).</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.Allow("file", "replace");
        var path = Path.GetFullPath(arguments.Required("file", "<文件>（要导入的 CSV 或 JSON Lines 文件）"));
        if (!File.Exists(path))
        {
            throw new CliUsageException($"找不到文件：{path}");
        }

        var replace = arguments.Flag("replace");
        using var host = CliHost.Create();
        var store = host.Get<CreditStore>();
        await store.MigrateAsync(cancellationToken);
        Console.Out.WriteLine($"导入 {Path.GetFileName(path)} → {store.Description}{(replace ? "（替换全部条目）" : string.Empty)}");

        var importer = host.Get<ListImporter>();
        var result = await CliProgress.RunAsync(["校验", "写入存储"], async lines =>
        {
            var progress = new Progress(lines);
            return await importer.ImportAsync(path, new ImportOptions { Replace = replace, Progress = progress }, cancellationToken);
        });

        if (!result.Accepted)
        {
            Console.Out.WriteLine(result.Report.Describe());
            return ExitCodes.Rejected;
        }

        var written = result.Written!;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"已写入 {written.Rows} 条：新增 {written.Inserted} 条，更新 {written.Updated} 条，删除 {written.Removed} 条（变更序号 {written.ChangeSeq}）。"));

        await UpdateIndexAsync(host, written.Rows, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>The store is the system of record and has committed; the index is a projection of it. A failure here is
    /// reported but does not fail the import: the site's synchroniser (or <c>reindex</c>) applies the same changes.</summary>
    internal static async Task UpdateIndexAsync(CliHost host, long expected, CancellationToken cancellationToken)
    {
        var engine = host.SearchEngine;
        if (engine is null)
        {
            Console.Out.WriteLine("提示：本工具尚未接入搜索引擎，索引未更新；运行中的网站会在数秒内自动同步本次导入。");
            return;
        }

        var indexer = host.Get<ListIndexer>();
        try
        {
            var outcome = await CliProgress.RunAsync(["更新搜索索引"], async lines =>
            {
                lines[0].SetTotal(Math.Max(expected, await indexer.PendingAsync(cancellationToken)));
                return await indexer.CatchUpAsync(engine, TimeSpan.FromSeconds(5), lines[0], cancellationToken);
            });
            Console.Out.WriteLine(outcome.State switch
            {
                ListIndexState.Busy => "搜索索引正由运行中的网站同步，本次导入将在数秒内可以搜索到。",
                ListIndexState.UpToDate => "搜索索引已是最新。",
                _ => string.Create(CultureInfo.InvariantCulture, $"搜索索引已更新：{outcome.Upserted} 条写入，{outcome.Deleted} 条删除。"),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Out.WriteLine($"警告：数据已写入存储，但更新搜索索引失败（{e.Message}）。运行中的网站会自动同步；也可运行 creditsite reindex。");
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
