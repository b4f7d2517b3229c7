using CreditSite.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CreditSite.Storage;

/// <summary>The PostgreSQL side of an import write: binary COPY into a temporary table and one upsert from it; into
/// an empty table the secondary indexes are dropped first and built once at the end.</summary>
internal static class PostgresListWriter
{
    public static async Task<int> WriteAsync(
        NpgsqlConnection connection, IEnumerable<ListEntry> entries, long seq, bool intoEmptyTable,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var deferred = intoEmptyTable ? await BulkIndexes.DropPostgresAsync(connection, "list_entries", cancellationToken) : [];
        var rows = await UpsertPostgresAsync(connection, entries, seq, progress, cancellationToken);
        await BulkIndexes.RestorePostgresAsync(connection, deferred, cancellationToken);
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
            $"COPY incoming_list_entries ({ListEntryColumns.List}) FROM STDIN (FORMAT BINARY)", cancellationToken))
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
                if (++rows % ListEntryColumns.ProgressEvery == 0)
                {
                    progress?.Report(rows);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var merge = connection.CreateCommand())
        {
            merge.CommandText =
                $"INSERT INTO list_entries ({ListEntryColumns.List}) SELECT {ListEntryColumns.List} FROM incoming_list_entries " +
                $"ON CONFLICT (entry_id) DO UPDATE SET {ListEntryColumns.UpdateFromExcluded}";
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
}
