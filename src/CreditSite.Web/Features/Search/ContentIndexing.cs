using CreditSite.Content;
using CreditSite.Indexing;
using CreditSite.Search;

namespace CreditSite.Web.Features.Search;

/// <summary>Puts the published pages (policies, role models, announcements) into the search index at start-up, so a
/// content change deployed with the site is searchable without a separate <c>reindex</c>. A few dozen documents: done
/// before the site takes requests.</summary>
internal sealed class ContentIndexing(ContentLibrary library, ISearchEngine engine, ILogger<ContentIndexing> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var documents = library.ToSearchDocuments().ToList();
        try
        {
            await engine.UpsertAsync(documents, cancellationToken);
            logger.LogInformation("Indexed {Count} content documents", documents.Count);
        }
        catch (SearchUnavailableException e)
        {
            // A cluster that is down must not keep the content pages from starting; the next start or reindex catches up.
            logger.LogWarning(e, "Content documents were not indexed: the search engine is unavailable");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
