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

        ContentLibrary library;
        try
        {
            library = LoadContent(host);
        }
        catch (ContentException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.Failed;
        }

        var store = host.Get<CreditStore>();
        await store.MigrateAsync(cancellationToken);
        var entries = await host.Get<ListStore>().CountAsync(cancellationToken);
        var indexer = host.Get<ListIndexer>();
        var outcome = await CliProgress.RunAsync(["重建搜索索引"], async lines =>
        {
            lines[0].SetTotal(entries + library.Policies.Count + library.RoleModels.Count + library.Announcements.Count);
            return await indexer.RebuildAsync(engine, ContentDocuments(library), TimeSpan.FromMinutes(10), lines[0], cancellationToken);
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

    /// <summary>Policies, role models and announcements from the content library, loaded and validated the way the site
    /// loads them (<c>Content:Path</c> or the top-level <c>content/</c>); a broken file stops the rebuild with its
    /// path and line before the index is touched.</summary>
    private static async IAsyncEnumerable<SearchDocument> ContentDocuments(ContentLibrary library)
    {
        foreach (var document in library.ToSearchDocuments())
        {
            yield return document;
        }

        await Task.CompletedTask;
    }

    private static ContentLibrary LoadContent(CliHost host)
    {
        var configured = host.Configuration["Content:Path"];
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(host.SiteRoot, "content") : Path.GetFullPath(configured);
        return ContentLibrary.Load(path);
    }
}
