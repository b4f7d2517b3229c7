using System.Globalization;
using CreditSite.Content;
using CreditSite.Indexing;
using CreditSite.Search;
using CreditSite.Storage;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary><c>reindex</c>: rebuilds the search index from the store plus the content library, and swaps it in
/// atomically (searches keep answering from the old index meanwhile).</summary>
public sealed class ReindexCommand(CreditStore store, ListStore entries, RecordStore records, ListIndexer indexer, ISearchEngine engine, SiteFolders site, CliConsole console)
    : AsyncCommand<ReindexCommand.Settings>
{
    public sealed class Settings : CommandSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ContentLibrary library;
        try
        {
            library = LoadContent();
        }
        catch (ContentException e)
        {
            console.Error.WriteLine(e.Message);
            return ExitCodes.Failed;
        }

        await store.MigrateAsync(cancellationToken);
        var count = await entries.CountAsync(cancellationToken);
        var recordCount = await records.CountListedAsync(cancellationToken);
        var outcome = await CliProgress.RunAsync(["重建搜索索引"], async lines =>
        {
            lines[0].SetTotal(count + recordCount + library.Policies.Count + library.RoleModels.Count + library.Announcements.Count);
            return await indexer.RebuildAsync(engine, ContentDocuments(library), TimeSpan.FromMinutes(10), lines[0], cancellationToken);
        });

        if (outcome.State == ListIndexState.Busy)
        {
            console.Error.WriteLine("另一个进程正在更新搜索索引，10 分钟内未结束；请稍后再试。");
            return ExitCodes.Failed;
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"搜索索引已重建：共 {outcome.Upserted} 篇文档（名单条目 {count} 条，行政许可、行政处罚、信用承诺和基础信息 {recordCount} 条），变更序号 {outcome.ToSeq}。"));
        return ExitCodes.Ok;
    }

    private static async IAsyncEnumerable<SearchDocument> ContentDocuments(ContentLibrary library)
    {
        foreach (var document in library.ToSearchDocuments())
        {
            yield return document;
        }

        await Task.CompletedTask;
    }

    /// <summary>Policies, role models and announcements loaded and validated the way the site loads them
    /// (<c>Content:Path</c> or the top-level <c>content/</c>): a broken file stops the rebuild with its path and line
    /// before the index is touched.</summary>
    private ContentLibrary LoadContent()
    {
        return ContentLibrary.Load(CliServices.ContentPath(site.Root, site.Configuration));
    }
}
