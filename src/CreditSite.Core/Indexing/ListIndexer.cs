using System.Runtime.CompilerServices;
using CreditSite.Search;
using CreditSite.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditSite.Indexing;

public enum ListIndexState
{
    /// <summary>Changes were applied; the checkpoint moved.</summary>
    Applied,

    /// <summary>Nothing new since the checkpoint.</summary>
    UpToDate,

    /// <summary>Another process (or another caller) holds the indexing lock; it will apply the changes.</summary>
    Busy,
}

public sealed record ListIndexOutcome(ListIndexState State, long FromSeq, long ToSeq, long Upserted, long Deleted);

/// <summary>Keeps the search index in step with the store: list entries, public records and registry records, which
/// share one change sequence. Two paths call it and either alone is enough:
/// the CLI right after an import commits, and the web site's synchroniser every few seconds. Both apply "everything
/// after the checkpoint" under one lock, so whichever runs first does the work and the other finds nothing to do.</summary>
public sealed class ListIndexer(ListStore store, RecordStore records, ListIndexCheckpoint checkpoint, ILogger<ListIndexer>? logger = null)
{
    public const int PageSize = 5_000;

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public ListIndexCheckpoint Checkpoint => checkpoint;

    /// <summary>How many entries <see cref="CatchUpAsync"/> would upsert now (for a progress bar's total).</summary>
    public async Task<long> PendingAsync(CancellationToken cancellationToken = default)
    {
        var from = checkpoint.Read();
        var upTo = await store.CurrentSequenceAsync(cancellationToken);
        if (upTo == from)
        {
            return 0;
        }

        var after = upTo < from ? 0 : from;
        return await store.CountChangedAsync(after, upTo, cancellationToken) + await records.CountChangedAsync(after, upTo, cancellationToken);
    }

    /// <summary>Applies every change after the checkpoint: removals first, then the entries written since (an entry
    /// removed and imported again is therefore present). The checkpoint moves only when all of it landed.</summary>
    public async Task<ListIndexOutcome> CatchUpAsync(
        ISearchEngine engine, TimeSpan lockWait, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        using var held = await checkpoint.AcquireAsync(lockWait, cancellationToken);
        if (held is null)
        {
            return new ListIndexOutcome(ListIndexState.Busy, 0, 0, 0, 0);
        }

        var from = checkpoint.Read();
        var upTo = await store.CurrentSequenceAsync(cancellationToken);
        if (upTo < from)
        {
            // The store was recreated (its sequence started again): everything in it is new to the index.
            _logger.LogWarning("List index checkpoint {Checkpoint} is ahead of the store ({Current}); re-applying all entries", from, upTo);
            from = 0;
        }

        if (upTo == from)
        {
            return new ListIndexOutcome(ListIndexState.UpToDate, from, upTo, 0, 0);
        }

        long deleted = 0;
        await foreach (var ids in store.ReadRemovedAsync(from, upTo, PageSize, cancellationToken))
        {
            await engine.DeleteAsync(ids.Select(ListEntryDocuments.DocumentId).ToList(), cancellationToken);
            deleted += ids.Count;
        }

        await foreach (var keys in records.ReadRemovedAsync(from, upTo, PageSize, cancellationToken))
        {
            await engine.DeleteAsync(keys.Select(RemovedDocumentId).ToList(), cancellationToken);
            deleted += keys.Count;
        }

        // One bulk write for all changes: a large import lands as one writer session instead of one per page.
        var upserted = await engine.UpsertAllAsync(Changed(from, upTo, cancellationToken), progress, cancellationToken);

        checkpoint.Write(upTo);
        _logger.LogInformation("List index caught up from change {From} to {To}: {Upserted} upserted, {Deleted} deleted",
            from, upTo, upserted, deleted);
        return new ListIndexOutcome(ListIndexState.Applied, from, upTo, upserted, deleted);
    }

    /// <summary>Rebuilds the whole index from the store plus <paramref name="contentDocuments"/> (policies, role models,
    /// announcements) and sets the checkpoint to the change sequence read before the store was read: anything that
    /// commits meanwhile is applied again by the next catch-up, which is harmless.</summary>
    public async Task<ListIndexOutcome> RebuildAsync(
        ISearchEngine engine, IAsyncEnumerable<SearchDocument> contentDocuments, TimeSpan lockWait,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(contentDocuments);
        using var held = await checkpoint.AcquireAsync(lockWait, cancellationToken);
        if (held is null)
        {
            return new ListIndexOutcome(ListIndexState.Busy, 0, 0, 0, 0);
        }

        var upTo = await store.CurrentSequenceAsync(cancellationToken);
        var counter = new DocumentCounter();
        await engine.RebuildAsync(Concat(contentDocuments, counter, cancellationToken), progress, cancellationToken);
        checkpoint.Write(upTo);
        _logger.LogInformation("Search index rebuilt at change {Seq}: {Entries} list entries, {Content} content documents",
            upTo, counter.Entries, counter.Content);
        return new ListIndexOutcome(ListIndexState.Applied, 0, upTo, counter.Entries + counter.Content, 0);
    }

    /// <summary>When the index was deleted (or never built) but the checkpoint survived, start again from zero. Content
    /// pages may already be back in a fresh index, so the test is for list entries: none found although the store has
    /// entries in public view.</summary>
    public async Task ResetIfIndexLostAsync(ISearchEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (checkpoint.Read() == 0 || await store.CountListedAsync(cancellationToken) + await records.CountListedAsync(cancellationToken) == 0)
        {
            return;
        }

        var indexed = await engine.SearchAsync(new SearchRequest
        {
            Types = [DocumentType.ListEntry, DocumentType.Licence, DocumentType.Penalty, DocumentType.Commitment, DocumentType.Subject],
            Today = DateOnly.MinValue,
            PageSize = 1,
            WithFacets = false,
        }, cancellationToken);
        if (indexed.Total > 0)
        {
            return;
        }

        _logger.LogWarning("The search index holds no list entries but its checkpoint says it does; indexing every entry again");
        using var held = await checkpoint.AcquireAsync(TimeSpan.FromSeconds(30), cancellationToken);
        if (held is not null)
        {
            checkpoint.Write(0);
        }
    }

    private static string RemovedDocumentId(RecordRemovalKey key) => key.Kind == RecordStore.SubjectKind
        ? RecordDocuments.SubjectDocumentId(key.RecordId)
        : key.Kind + ":" + key.RecordId;

    private async IAsyncEnumerable<SearchDocument> Changed(long from, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in store.ReadChangedAsync(from, upTo, PageSize, cancellationToken))
        {
            foreach (var entry in page)
            {
                yield return ListEntryDocuments.ToSearchDocument(entry);
            }
        }

        await foreach (var page in records.ReadChangedRecordsAsync(from, upTo, PageSize, cancellationToken))
        {
            foreach (var record in page)
            {
                yield return RecordDocuments.ToSearchDocument(record);
            }
        }

        await foreach (var page in records.ReadChangedSubjectsAsync(from, upTo, PageSize, cancellationToken))
        {
            foreach (var subject in page)
            {
                yield return RecordDocuments.ToSearchDocument(subject);
            }
        }
    }

    private async IAsyncEnumerable<SearchDocument> Concat(
        IAsyncEnumerable<SearchDocument> content, DocumentCounter counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in store.ReadAllAsync(PageSize, cancellationToken))
        {
            foreach (var entry in page)
            {
                counter.Entries++;
                yield return ListEntryDocuments.ToSearchDocument(entry);
            }
        }

        await foreach (var page in records.ReadAllRecordsAsync(PageSize, cancellationToken))
        {
            foreach (var record in page)
            {
                counter.Entries++;
                yield return RecordDocuments.ToSearchDocument(record);
            }
        }

        await foreach (var page in records.ReadAllSubjectsAsync(PageSize, cancellationToken))
        {
            foreach (var subject in page)
            {
                counter.Entries++;
                yield return RecordDocuments.ToSearchDocument(subject);
            }
        }

        await foreach (var document in content.WithCancellation(cancellationToken))
        {
            counter.Content++;
            yield return document;
        }
    }

    private sealed class DocumentCounter
    {
        public long Entries { get; set; }

        public long Content { get; set; }
    }
}
