using CreditSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Storage;

/// <summary>The row writes of a record import, inside <see cref="RecordStore"/>'s transaction: upsert by key through
/// EF Core, in chunks, keeping each record's first import time.</summary>
internal static class RecordWriter
{
    private const int Chunk = 1_000;

    public static async Task<(int Rows, int Inserted)> WriteRecordsAsync(
        CreditDbContext context, RecordKind kind, IEnumerable<PublicRecord> records, long seq, DateTimeOffset now,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var rows = 0;
        var inserted = 0;
        foreach (var chunk in records.Chunk(Chunk))
        {
            var ids = chunk.Select(r => r.RecordId).ToList();
            var existing = await context.PublicRecords.Where(r => r.Kind == kind && ids.Contains(r.RecordId))
                .ToDictionaryAsync(r => r.RecordId, StringComparer.Ordinal, cancellationToken);
            foreach (var record in chunk)
            {
                record.Kind = kind;
                record.ImportedAt = now;
                if (existing.TryGetValue(record.RecordId, out var stored))
                {
                    record.FirstImportedAt = stored.FirstImportedAt;
                    context.Entry(stored).CurrentValues.SetValues(record);
                    context.Entry(stored).Property(CreditDbContext.ChangeSeq).CurrentValue = seq;
                }
                else
                {
                    record.FirstImportedAt = now;
                    context.PublicRecords.Add(record);
                    context.Entry(record).Property(CreditDbContext.ChangeSeq).CurrentValue = seq;
                    inserted++;
                }
            }

            await context.SaveChangesAsync(cancellationToken);
            context.ChangeTracker.Clear();
            rows += chunk.Length;
            progress?.Report(rows);
        }

        return (rows, inserted);
    }

    public static async Task<(int Rows, int Inserted)> WriteSubjectsAsync(
        CreditDbContext context, IEnumerable<RegistrySubject> subjects, long seq, DateTimeOffset now,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var rows = 0;
        var inserted = 0;
        foreach (var chunk in subjects.Chunk(Chunk))
        {
            var codes = chunk.Select(s => s.Uscc).ToList();
            var existing = await context.RegistrySubjects.Where(s => codes.Contains(s.Uscc))
                .ToDictionaryAsync(s => s.Uscc, StringComparer.Ordinal, cancellationToken);
            foreach (var subject in chunk)
            {
                subject.ImportedAt = now;
                if (existing.TryGetValue(subject.Uscc, out var stored))
                {
                    context.Entry(stored).CurrentValues.SetValues(subject);
                    context.Entry(stored).Property(CreditDbContext.ChangeSeq).CurrentValue = seq;
                }
                else
                {
                    context.RegistrySubjects.Add(subject);
                    context.Entry(subject).Property(CreditDbContext.ChangeSeq).CurrentValue = seq;
                    inserted++;
                }
            }

            await context.SaveChangesAsync(cancellationToken);
            context.ChangeTracker.Clear();
            rows += chunk.Length;
            progress?.Report(rows);
        }

        return (rows, inserted);
    }
}
