using System.Data.Common;
using System.Runtime.CompilerServices;
using CreditSite.Domain;
using CreditSite.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CreditSite.Storage;

/// <summary>How one import writes: where it came from, whether it replaces the whole set, and whether it only loads
/// an empty store (the first-start demonstration set).</summary>
public sealed record ListWrite
{
    public required string Source { get; init; }

    /// <summary>Entries not in this write are removed (<c>--replace</c>).</summary>
    public bool Replace { get; init; }

    /// <summary>Write nothing when the store already holds entries or imports (checked under the import lock, so two
    /// web nodes starting together load the demonstration set once).</summary>
    public bool OnlyIfEmpty { get; init; }

    /// <summary>Rows written so far.</summary>
    public IProgress<long>? Progress { get; init; }
}

public sealed record ListWriteOutcome(long ChangeSeq, int Rows, int Inserted, int Updated, int Removed)
{
    /// <summary>Nothing was written because <see cref="ListWrite.OnlyIfEmpty"/> found data.</summary>
    public bool Skipped => ChangeSeq == 0;

    public static readonly ListWriteOutcome NothingWritten = new(0, 0, 0, 0, 0);
}

/// <summary>List entries in the relational store: the import write (one transaction, streamed, upsert by entry id),
/// and the reads an indexer needs (what changed after a change sequence, everything for a rebuild).</summary>
public sealed class ListStore(CreditStore store)
{
    public CreditStore Database => store;

    /// <summary>Writes <paramref name="entries"/> (already validated, unique entry ids) in one transaction. The
    /// enumeration is consumed once, streaming; if it throws, nothing is written.</summary>
    public async Task<ListWriteOutcome> WriteAsync(IEnumerable<ListEntry> entries, ListWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(write);

        await using var context = store.CreateContext();
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await using var transaction = await BeginImportTransactionAsync(store, context, connection, cancellationToken);

        if (write.OnlyIfEmpty && (await context.ImportBatches.AnyAsync(cancellationToken) || await context.ListEntries.AnyAsync(cancellationToken)))
        {
            return ListWriteOutcome.NothingWritten;
        }

        var before = await context.ListEntries.LongCountAsync(cancellationToken);
        var batch = new ImportBatch
        {
            StartedAt = DateTimeOffset.UtcNow,
            Source = write.Source.Length > 260 ? write.Source[..260] : write.Source,
            Replace = write.Replace,
        };
        context.ImportBatches.Add(batch);
        await context.SaveChangesAsync(cancellationToken);
        var seq = batch.Id;

        var rows = store.Provider == StoreProvider.Sqlite
            ? await SqliteListWriter.WriteAsync((SqliteConnection)connection, (SqliteTransaction)transaction, entries, seq, before == 0, write.Progress, cancellationToken)
            : await PostgresListWriter.WriteAsync((NpgsqlConnection)connection, entries, seq, before == 0, write.Progress, cancellationToken);

        var removed = 0;
        if (write.Replace)
        {
            await context.Database.ExecuteSqlAsync(
                $"INSERT INTO list_entry_removals (entry_id, change_seq) SELECT entry_id, {seq} FROM list_entries WHERE change_seq <> {seq}",
                cancellationToken);
            removed = await context.Database.ExecuteSqlAsync($"DELETE FROM list_entries WHERE change_seq <> {seq}", cancellationToken);
        }

        var after = await context.ListEntries.LongCountAsync(cancellationToken);
        var inserted = (int)(after - (before - removed));
        batch.RowCount = rows;
        batch.Inserted = inserted;
        batch.Updated = rows - inserted;
        batch.Removed = removed;
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ListWriteOutcome(seq, rows, inserted, rows - inserted, removed);
    }

    /// <summary>Imports are serialised: the batch id (change sequence) must commit in increasing order, or an indexer
    /// that saw batch 7 could miss a batch 6 committing after it. SQLite: <c>BEGIN IMMEDIATE</c> takes the single write
    /// lock up front. PostgreSQL: a self-conflicting table lock on <c>import_batches</c>, which readers do not take.</summary>
    internal static async Task<DbTransaction> BeginImportTransactionAsync(CreditStore store, CreditDbContext context, DbConnection connection, CancellationToken cancellationToken)
    {
        if (store.Provider == StoreProvider.Sqlite)
        {
            var sqliteTransaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
            await context.Database.UseTransactionAsync(sqliteTransaction, cancellationToken);
            return sqliteTransaction;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        await context.Database.ExecuteSqlRawAsync("LOCK TABLE import_batches IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        return transaction;
    }

    /// <summary>The latest committed change sequence (0 for an empty store).</summary>
    public async Task<long> CurrentSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.ImportBatches.MaxAsync(b => (long?)b.Id, cancellationToken) ?? 0;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.ListEntries.LongCountAsync(cancellationToken);
    }

    /// <summary>Entries whose status keeps them in public view (active or under objection), whatever their dates.</summary>
    public async Task<long> CountListedAsync(CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.ListEntries.LongCountAsync(
            e => e.Status == EntryStatus.Active || e.Status == EntryStatus.UnderObjection, cancellationToken);
    }

    /// <summary>Entries written by batches after <paramref name="after"/> up to <paramref name="upTo"/>.</summary>
    public async Task<long> CountChangedAsync(long after, long upTo, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.ListEntries.LongCountAsync(
            e => EF.Property<long>(e, CreditDbContext.ChangeSeq) > after && EF.Property<long>(e, CreditDbContext.ChangeSeq) <= upTo,
            cancellationToken);
    }

    public async Task<ListEntry?> FindAsync(string entryId, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.ListEntries.AsNoTracking().FirstOrDefaultAsync(e => e.EntryId == entryId, cancellationToken);
    }

    /// <summary>Entries written by batches after <paramref name="after"/> up to <paramref name="upTo"/>, in pages.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ListEntry>> ReadChangedAsync(
        long after, long upTo, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var batches = await context.ImportBatches.AsNoTracking()
            .Where(b => b.Id > after && b.Id <= upTo).OrderBy(b => b.Id).Select(b => b.Id)
            .ToListAsync(cancellationToken);
        foreach (var seq in batches)
        {
            var last = string.Empty;
            while (true)
            {
                var page = await context.ListEntries.AsNoTracking()
                    .Where(e => EF.Property<long>(e, CreditDbContext.ChangeSeq) == seq && e.EntryId.CompareTo(last) > 0)
                    .OrderBy(e => e.EntryId)
                    .Take(pageSize)
                    .ToListAsync(cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                yield return page;
                last = page[^1].EntryId;
                if (page.Count < pageSize)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Ids of entries removed by <c>--replace</c> imports after <paramref name="after"/> up to <paramref name="upTo"/>.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> ReadRemovedAsync(
        long after, long upTo, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var lastId = 0L;
        while (true)
        {
            var page = await context.ListEntryRemovals.AsNoTracking()
                .Where(r => r.ChangeSeq > after && r.ChangeSeq <= upTo && r.Id > lastId)
                .OrderBy(r => r.Id)
                .Take(pageSize)
                .Select(r => new { r.Id, r.EntryId })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page.Select(r => r.EntryId).ToList();
            lastId = page[^1].Id;
        }
    }

    /// <summary>Every entry, in pages by entry id (for a rebuild of the index).</summary>
    public async IAsyncEnumerable<IReadOnlyList<ListEntry>> ReadAllAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var last = string.Empty;
        while (true)
        {
            var page = await context.ListEntries.AsNoTracking()
                .Where(e => e.EntryId.CompareTo(last) > 0)
                .OrderBy(e => e.EntryId)
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            last = page[^1].EntryId;
        }
    }
}
