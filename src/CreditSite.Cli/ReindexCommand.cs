using System.Globalization;
using CreditSite.Content;
using CreditSite.Search;
using CreditSite.Storage;

namespace CreditSite.Cli;

/// <summary><c>reindex</c>: rebuilds the search index from the store plus the content library, and swaps it in
/// atomically (searches keep answering from the old index meanwhile).</summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.Allow();
        using var host = CliHost.Create();
        var engine = host.SearchEngine;
        if (engine is null)
        {
            Console.Error.WriteLine("无法重建索引：本工具尚未接入搜索引擎。");
            return ExitCodes.Failed;
        }

        var store = host.Get<CreditStore>();
        await store.MigrateAsync(cancellationToken);
        var entries = await host.Get<ListStore>().CountAsync(cancellationToken);
        var indexer = host.Get<ListIndexer>();
        var outcome = await CliProgress.RunAsync(["重建搜索索引"], async lines =>
        {
            lines[0].SetTotal(entries);
            return await indexer.RebuildAsync(engine, ContentDocuments(host), TimeSpan.FromMinutes(10), lines[0], cancellationToken);
        });

        if (outcome.State == ListIndexState.Busy)
        {
            Console.Error.WriteLine("另一个进程正在更新搜索索引，10 分钟内未结束；请稍后再试。");
            return ExitCodes.Failed;
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"搜索索引已重建：共 {outcome.Upserted} 篇文档（名单条目 {entries} 条），变更序号 {outcome.ToSeq}。"));
        return ExitCodes.Ok;
    }

    /// <summary>Policies, role models and announcements from <c>content/</c> as search documents.</summary>
    private static async IAsyncEnumerable<SearchDocument> ContentDocuments(CliHost host)
    {
        var library = ContentLibrary.Load(Path.Combine(host.SiteRoot, "content"));
        foreach (var document in library.ToSearchDocuments())
        {
            yield return document;
        }

        await Task.CompletedTask;
    }
}
