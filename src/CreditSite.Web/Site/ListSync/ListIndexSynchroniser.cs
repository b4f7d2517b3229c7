using CreditSite.Indexing;
using CreditSite.Search;

namespace CreditSite.Web.Site.ListSync;

/// <summary>Keeps the search index in step with the store while the site runs: every <see cref="Interval"/> it applies
/// whatever was committed after the index checkpoint (see <see cref="ListIndexer"/>). An import by the CLI is thus
/// searchable within seconds even when the CLI could not update the index itself; and when the CLI did, this finds
/// nothing to do. Searches keep answering throughout: the index is only ever added to.</summary>
internal sealed class ListIndexSynchroniser(
    IServiceProvider services, ListIndexer indexer, DemoDataSeeder seeder, ILogger<ListIndexSynchroniser> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await seeder.SeedIfEmptyAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Loading the demonstration set failed");
        }

        var engine = services.GetService<ISearchEngine>();
        if (engine is null)
        {
            logger.LogWarning("No search engine is registered; the list index is not synchronised");
            return;
        }

        try
        {
            await indexer.ResetIfIndexLostAsync(engine, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not compare the search index with its checkpoint");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexer.CatchUpAsync(engine, TimeSpan.Zero, cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store or the engine is briefly unavailable: the checkpoint did not move, the next round retries.
                logger.LogWarning(e, "Synchronising the list index failed; retrying in {Interval}", Interval);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
