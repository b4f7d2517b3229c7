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
        var deferred = intoEmptyTable ? await BulkIndexes.DropSqliteAsync(connection, transaction, "list_entries", cancellationToken) : [];
        var rows = await UpsertSqliteAsync(connection, transaction, entries, seq, progress, cancellationToken);
        await BulkIndexes.RestoreSqliteAsync(connection, transaction, deferred, cancellationToken);
        return rows;
    }

    private static async Task<int> UpsertSqliteAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<ListEntry> entries, long seq,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await BulkIndexes.EnlargeSqliteCacheAsync(connection, transaction, cancellationToken);

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
