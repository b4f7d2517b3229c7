using System.Data.Common;
using System.Globalization;
using CreditSite.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CreditSite.Storage;

/// <summary>The row writes of a record import, inside <see cref="RecordStore"/>'s transaction, streamed (the file is
/// never held in memory), as the list writers do for list entries. SQLite: one prepared upsert per row. PostgreSQL:
/// binary COPY into a temporary table, then one <c>INSERT … ON CONFLICT DO UPDATE</c>. Both keep a stored row's first
/// import time and give every row the batch's change sequence; into an empty table the secondary indexes are dropped
/// first and built once at the end (<see cref="BulkIndexes"/>).</summary>
internal static class RecordWriter
{
    /// <summary>How Microsoft.Data.Sqlite stores a <see cref="DateTimeOffset"/> (text that sorts and reads back).</summary>
    internal const string SqliteTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    public static async Task<int> WriteAsync<T>(
        StoreProvider provider, DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<T> rows,
        Action<T, long, object?[]> fill, long seq, bool intoEmptyTable, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (provider == StoreProvider.Sqlite)
        {
            var sqlite = (SqliteConnection)connection;
            var sqliteTransaction = (SqliteTransaction)transaction;
            var deferred = intoEmptyTable ? await BulkIndexes.DropSqliteAsync(sqlite, sqliteTransaction, table.Name, cancellationToken) : [];
            var written = await UpsertSqliteAsync(sqlite, sqliteTransaction, table, rows, fill, seq, progress, cancellationToken);
            await BulkIndexes.RestoreSqliteAsync(sqlite, sqliteTransaction, deferred, cancellationToken);
            return written;
        }

        var postgres = (NpgsqlConnection)connection;
        var dropped = intoEmptyTable ? await BulkIndexes.DropPostgresAsync(postgres, table.Name, cancellationToken) : [];
        var count = await UpsertPostgresAsync(postgres, table, rows, fill, seq, progress, cancellationToken);
        await BulkIndexes.RestorePostgresAsync(postgres, dropped, cancellationToken);
        return count;
    }

    private static async Task<int> UpsertSqliteAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, BulkTable table, IEnumerable<T> rows,
        Action<T, long, object?[]> fill, long seq, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await BulkIndexes.EnlargeSqliteCacheAsync(connection, transaction, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.Upsert($"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})");
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();

        var values = new object?[table.Columns.Count];
        var written = 0;
        var (lastTime, lastTimeText) = (default(DateTimeOffset), string.Empty);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fill(row, seq, values);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is DateTimeOffset time)
                {
                    // Every row of an import has the same import time: formatted once, as Microsoft.Data.Sqlite (and so
                    // EF Core) writes a DateTimeOffset, rather than twice per row.
                    if (time != lastTime || time.Offset != lastTime.Offset || lastTimeText.Length == 0)
                    {
                        (lastTime, lastTimeText) = (time, time.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture));
                    }

                    parameters[i].Value = lastTimeText;
                }
                else
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }
            }

            // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and the await per row costs time.
            command.ExecuteNonQuery();
            if (++written % BulkTable.ProgressEvery == 0)
            {
                progress?.Report(written);
            }
        }

        progress?.Report(written);
        return written;
    }

    private static async Task<int> UpsertPostgresAsync<T>(
        NpgsqlConnection connection, BulkTable table, IEnumerable<T> rows, Action<T, long, object?[]> fill, long seq,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var incoming = "incoming_" + table.Name;
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TEMP TABLE {incoming} (LIKE {table.Name} INCLUDING DEFAULTS) ON COMMIT DROP";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var values = new object?[table.Columns.Count];
        var written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY {incoming} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                fill(row, seq, values);
                await importer.StartRowAsync(cancellationToken);
                foreach (var value in values)
                {
                    await WriteValueAsync(importer, value, cancellationToken);
                }

                if (++written % BulkTable.ProgressEvery == 0)
                {
                    progress?.Report(written);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var merge = connection.CreateCommand())
        {
            merge.CommandText = table.Upsert($"SELECT {table.ColumnList} FROM {incoming}");
            merge.CommandTimeout = 0;
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        progress?.Report(written);
        return written;
    }

    /// <summary>Binary COPY needs each value's exact PostgreSQL type; these are the column types the migrations create.</summary>
    private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, NpgsqlDbType.Varchar, cancellationToken),
        DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
        decimal amount => importer.WriteAsync(amount, NpgsqlDbType.Numeric, cancellationToken),
        bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        DateTimeOffset time => importer.WriteAsync(time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
        _ => throw new InvalidOperationException($"No COPY type for a value of type {value.GetType().Name}."),
    };
}
