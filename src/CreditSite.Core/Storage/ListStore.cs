using System.Data.Common;
using System.Runtime.CompilerServices;
using CreditSite.Domain;
using CreditSite.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

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
    private const int ProgressEvery = 5_000;

    private static readonly string[] Columns =
    [
        "entry_id", "list_kind", "subject_type", "subject_name", "uscc", "resident_id_hash", "masked_id_number",
        "subject_key", "field", "issuing_department", "decision_number", "decision_date", "public_until", "severity",
        "legal_basis", "summary", "status", "imported_at", "change_seq",
    ];

    private static readonly string ColumnList = string.Join(", ", Columns);

    private static readonly string UpdateFromExcluded =
        string.Join(", ", Columns.Skip(1).Select(c => $"{c} = excluded.{c}"));

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
        await using var transaction = await BeginImportTransactionAsync(context, connection, cancellationToken);

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

        int rows;
        if (store.Provider == StoreProvider.Sqlite)
        {
            var sqlite = (SqliteConnection)connection;
            var sqliteTransaction = (SqliteTransaction)transaction;
            // Into an empty table, building the secondary indexes once at the end (sorted) is several times faster
            // than updating them row by row. DDL is transactional (here and in PostgreSQL): a failed import restores them.
            var deferred = before == 0 ? await DropSecondaryIndexesAsync(sqlite, sqliteTransaction, cancellationToken) : [];
            rows = await UpsertSqliteAsync(sqlite, sqliteTransaction, entries, seq, write.Progress, cancellationToken);
            foreach (var definition in deferred)
            {
                await using var create = sqlite.CreateCommand();
                create.Transaction = sqliteTransaction;
                create.CommandText = definition;
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        else
        {
            var postgres = (NpgsqlConnection)connection;
            var deferred = before == 0 ? await DropSecondaryIndexesAsync(postgres, cancellationToken) : [];
            rows = await UpsertPostgresAsync(postgres, entries, seq, write.Progress, cancellationToken);
            foreach (var definition in deferred)
            {
                await using var create = postgres.CreateCommand();
                create.CommandText = definition;
                create.CommandTimeout = 0;
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }

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
    private async Task<DbTransaction> BeginImportTransactionAsync(CreditDbContext context, DbConnection connection, CancellationToken cancellationToken)
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

    /// <summary>Drops the migration-created indexes of <c>list_entries</c> (not the primary key) and returns their
    /// <c>CREATE INDEX</c> statements, exactly as the migrations wrote them.</summary>
    private static async Task<List<string>> DropSecondaryIndexesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'list_entries' AND sql IS NOT NULL";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = connection.CreateCommand();
            drop.Transaction = transaction;
            drop.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    /// <summary>The PostgreSQL counterpart: every index of <c>list_entries</c> that does not back a constraint.</summary>
    private static async Task<List<string>> DropSecondaryIndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText =
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = 'list_entries' " +
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    private static async Task<int> UpsertSqliteAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<ListEntry> entries, long seq,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using (var tuning = connection.CreateCommand())
        {
            // Six B-tree indexes take random-order keys; with SQLite's default 2 MB page cache a large import spends
            // most of its time re-reading pages. 256 MB (for this connection only) keeps them in memory.
            tuning.Transaction = transaction;
            tuning.CommandText = "PRAGMA cache_size = -262144;";
            await tuning.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO list_entries ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i))}) " +
            $"ON CONFLICT (entry_id) DO UPDATE SET {UpdateFromExcluded}";
        var parameters = Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();

        var rows = 0;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = Values(entry, seq);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and the await per row costs time.
            command.ExecuteNonQuery();
            if (++rows % ProgressEvery == 0)
            {
                progress?.Report(rows);
            }
        }

        progress?.Report(rows);
        return rows;
    }

    /// <summary>Binary COPY into a temporary table, then one upsert from it: the fastest bulk path PostgreSQL has, and
    /// it streams (nothing is held in memory).</summary>
    private static async Task<int> UpsertPostgresAsync(
        NpgsqlConnection connection, IEnumerable<ListEntry> entries, long seq, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TEMP TABLE incoming_list_entries (LIKE list_entries INCLUDING DEFAULTS) ON COMMIT DROP";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY incoming_list_entries ({ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var entry in entries)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(entry.EntryId, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.Kind.Code(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.SubjectType.Code(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.SubjectName, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, entry.Uscc, cancellationToken);
                await WriteNullableAsync(importer, entry.ResidentIdHash, cancellationToken);
                await WriteNullableAsync(importer, entry.MaskedIdNumber, cancellationToken);
                await importer.WriteAsync(entry.SubjectKey, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.Field, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.IssuingDepartment, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.DecisionNumber, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.DecisionDate, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(entry.PublicUntil, NpgsqlDbType.Date, cancellationToken);
                await WriteNullableAsync(importer, entry.Severity?.Code(), cancellationToken);
                await importer.WriteAsync(entry.LegalBasis, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.Summary, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.Status.Code(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(entry.ImportedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(seq, NpgsqlDbType.Bigint, cancellationToken);
                if (++rows % ProgressEvery == 0)
                {
                    progress?.Report(rows);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var merge = connection.CreateCommand())
        {
            merge.CommandText =
                $"INSERT INTO list_entries ({ColumnList}) SELECT {ColumnList} FROM incoming_list_entries " +
                $"ON CONFLICT (entry_id) DO UPDATE SET {UpdateFromExcluded}";
            merge.CommandTimeout = 0;
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        progress?.Report(rows);
        return rows;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
        }
    }

    private static object?[] Values(ListEntry e, long seq) =>
    [
        e.EntryId, e.Kind.Code(), e.SubjectType.Code(), e.SubjectName, e.Uscc, e.ResidentIdHash, e.MaskedIdNumber,
        e.SubjectKey, e.Field, e.IssuingDepartment, e.DecisionNumber, e.DecisionDate, e.PublicUntil, e.Severity?.Code(),
        e.LegalBasis, e.Summary, e.Status.Code(), e.ImportedAt, seq,
    ];

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
