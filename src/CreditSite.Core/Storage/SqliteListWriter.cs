using CreditSite.Domain;
using Microsoft.Data.Sqlite;

namespace CreditSite.Storage;

/// <summary>The SQLite side of an import write: one prepared upsert per row inside the import transaction; into an
/// empty table the secondary indexes are dropped first and built once at the end.</summary>
internal static class SqliteListWriter
{
    public static async Task<int> WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<ListEntry> entries, long seq, bool intoEmptyTable,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // Into an empty table, building the secondary indexes once at the end (sorted) is several times faster
        // than updating them row by row. DDL is transactional (here and in PostgreSQL): a failed import restores them.
        var deferred = intoEmptyTable ? await DropSecondaryIndexesAsync(connection, transaction, cancellationToken) : [];
        var rows = await UpsertSqliteAsync(connection, transaction, entries, seq, progress, cancellationToken);
        foreach (var definition in deferred)
        {
            await using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = definition;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows;
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
            $"INSERT INTO list_entries ({ListEntryColumns.List}) VALUES ({string.Join(", ", ListEntryColumns.Names.Select((_, i) => "$p" + i))}) " +
            $"ON CONFLICT (entry_id) DO UPDATE SET {ListEntryColumns.UpdateFromExcluded}";
        var parameters = ListEntryColumns.Names.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();

        var rows = 0;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = ListEntryColumns.Values(entry, seq);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and the await per row costs time.
            command.ExecuteNonQuery();
            if (++rows % ListEntryColumns.ProgressEvery == 0)
            {
                progress?.Report(rows);
            }
        }

        progress?.Report(rows);
        return rows;
    }
}
