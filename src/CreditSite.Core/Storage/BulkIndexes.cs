using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreditSite.Storage;

/// <summary>Into an empty table, building the secondary indexes once at the end (sorted) is several times faster than
/// updating them row by row. These drop a table's migration-created indexes (never the primary key or an index behind a
/// constraint) and return their <c>CREATE INDEX</c> statements, exactly as the migrations wrote them, to run after the
/// rows. DDL is transactional in SQLite and PostgreSQL: a failed import restores them.</summary>
internal static class BulkIndexes
{
    public static async Task<List<string>> DropSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, string table, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            list.Parameters.AddWithValue("$table", table);
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
            drop.CommandText = $"DROP INDEX {Quote(name)}";
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    public static async Task RestoreSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> definitions, CancellationToken cancellationToken)
    {
        foreach (var definition in definitions)
        {
            await using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = definition;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<List<string>> DropPostgresAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText =
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = $1 " +
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)";
            list.Parameters.AddWithValue(table);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP INDEX {Quote(name)}";
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    public static async Task RestorePostgresAsync(NpgsqlConnection connection, IEnumerable<string> definitions, CancellationToken cancellationToken)
    {
        foreach (var definition in definitions)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = definition;
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Six B-tree indexes take random-order keys; with SQLite's default 2 MB page cache a large import spends
    /// most of its time re-reading pages. 256 MB (for this connection only) keeps them in memory.</summary>
    public static async Task EnlargeSqliteCacheAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var tuning = connection.CreateCommand();
        tuning.Transaction = transaction;
        tuning.CommandText = "PRAGMA cache_size = -262144;";
        await tuning.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
