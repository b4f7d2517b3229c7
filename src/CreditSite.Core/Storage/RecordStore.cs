using System.Data.Common;
using System.Runtime.CompilerServices;
using CreditSite.Domain;
using CreditSite.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Storage;

/// <summary>A record (kind code and id) or registry record (<c>subject</c> and USCC) removed by a <c>--replace</c> import.</summary>
public sealed record RecordRemovalKey(string Kind, string RecordId);

/// <summary>A stored record with the import batch that last wrote it (the platforms' change feed).</summary>
public sealed record StoredRecord(PublicRecord Record, long ChangeSeq);

/// <summary>An import batch's number and the time it started (its records' <c>imported_at</c>, its tombstones'
/// <c>removed_at</c>).</summary>
public sealed record BatchTime(long Seq, DateTimeOffset StartedAt);

/// <summary>Public records (行政许可, 行政处罚, 信用承诺) and registry records (基础信息) in the relational store: the
/// import write (one transaction, upsert by kind and id, under the same import lock and change sequence as list
/// entries) and the reads of pages, the indexer and the change feed.</summary>
public sealed class RecordStore(CreditStore store)
{
    public const string SubjectKind = "subject";

    /// <summary>The store itself, for readers of other tables in the same import (credit-repair decisions).</summary>
    public CreditStore Store => store;

    /// <summary>Writes the records of one kind (already validated, unique ids) in one transaction, streaming the
    /// enumeration once; if it throws, nothing is written. With <see cref="ListWrite.Replace"/>, records of that kind
    /// not in this write are removed (with a tombstone each); other kinds and list entries are untouched. A record seen
    /// before keeps its first import time; every record written carries the batch's change sequence.</summary>
    public Task<ListWriteOutcome> WriteRecordsAsync(RecordKind kind, IEnumerable<PublicRecord> records, ListWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(kind.Code(), write, (connection, transaction, seq, now, intoEmptyTable) => RecordWriter.WriteAsync(
            store.Provider, connection, transaction, RecordColumns.PublicRecords, Stamped(records, kind, now), RecordColumns.Fill, seq,
            intoEmptyTable, write.Progress, cancellationToken), cancellationToken);
    }

    /// <summary>Writes registry records in one transaction; <see cref="ListWrite.Replace"/> removes the others.</summary>
    public Task<ListWriteOutcome> WriteSubjectsAsync(IEnumerable<RegistrySubject> subjects, ListWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return WriteAsync(SubjectKind, write, (connection, transaction, seq, now, intoEmptyTable) => RecordWriter.WriteAsync(
            store.Provider, connection, transaction, RecordColumns.RegistrySubjects, Stamped(subjects, now), RecordColumns.Fill, seq,
            intoEmptyTable, write.Progress, cancellationToken), cancellationToken);
    }

    /// <summary>The import's own time when it gave one (the importer's clock), else the write's.</summary>
    private static IEnumerable<PublicRecord> Stamped(IEnumerable<PublicRecord> records, RecordKind kind, DateTimeOffset now)
    {
        foreach (var record in records)
        {
            record.Kind = kind;
            if (record.ImportedAt == default)
            {
                record.ImportedAt = now;
            }

            // A new row's first import is this one; the upsert keeps an existing row's.
            record.FirstImportedAt = record.ImportedAt;
            yield return record;
        }
    }

    private static IEnumerable<RegistrySubject> Stamped(IEnumerable<RegistrySubject> subjects, DateTimeOffset now)
    {
        foreach (var subject in subjects)
        {
            if (subject.ImportedAt == default)
            {
                subject.ImportedAt = now;
            }

            yield return subject;
        }
    }

    private delegate Task<int> RowWriter(DbConnection connection, DbTransaction transaction, long seq, DateTimeOffset now, bool intoEmptyTable);

    private async Task<ListWriteOutcome> WriteAsync(string kind, ListWrite write, RowWriter rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var context = store.CreateContext();
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await using var transaction = await ListStore.BeginImportTransactionAsync(store, context, connection, cancellationToken);

        if (write.OnlyIfEmpty && await CountAsync(context, kind, cancellationToken) > 0)
        {
            return ListWriteOutcome.NothingWritten;
        }

        var now = DateTimeOffset.UtcNow;
        var batch = new ImportBatch
        {
            StartedAt = now,
            Source = write.Source.Length > 260 ? write.Source[..260] : write.Source,
            Replace = write.Replace,
        };
        context.ImportBatches.Add(batch);
        await context.SaveChangesAsync(cancellationToken);
        var seq = batch.Id;

        var before = await CountAsync(context, kind, cancellationToken);
        var intoEmptyTable = kind == SubjectKind ? before == 0 : !await context.PublicRecords.AnyAsync(cancellationToken);
        var written = await rows(connection, transaction, seq, now, intoEmptyTable);
        var inserted = (int)(await CountAsync(context, kind, cancellationToken) - before);
        var removed = 0;
        if (write.Replace)
        {
            if (kind == SubjectKind)
            {
                await context.Database.ExecuteSqlAsync(
                    $"INSERT INTO record_removals (kind, record_id, change_seq, removed_at) SELECT {kind}, uscc, {seq}, {now} FROM registry_subjects WHERE change_seq <> {seq}",
                    cancellationToken);
                removed = await context.Database.ExecuteSqlAsync($"DELETE FROM registry_subjects WHERE change_seq <> {seq}", cancellationToken);
            }
            else
            {
                await context.Database.ExecuteSqlAsync(
                    $"INSERT INTO record_removals (kind, record_id, change_seq, removed_at) SELECT kind, record_id, {seq}, {now} FROM public_records WHERE kind = {kind} AND change_seq <> {seq}",
                    cancellationToken);
                removed = await context.Database.ExecuteSqlAsync($"DELETE FROM public_records WHERE kind = {kind} AND change_seq <> {seq}", cancellationToken);
            }
        }

        batch.RowCount = written;
        batch.Inserted = inserted;
        batch.Updated = written - inserted;
        batch.Removed = removed;
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ListWriteOutcome(seq, written, inserted, written - inserted, removed);
    }

    /// <summary>Rows of one record kind, or registry records.</summary>
    private static async Task<long> CountAsync(CreditDbContext context, string kind, CancellationToken cancellationToken)
    {
        if (kind == SubjectKind)
        {
            return await context.RegistrySubjects.LongCountAsync(cancellationToken);
        }

        var recordKind = PublicRecordModel.KindOf(kind);
        return await context.PublicRecords.LongCountAsync(r => r.Kind == recordKind, cancellationToken);
    }

    public async Task<PublicRecord?> FindAsync(RecordKind kind, string recordId, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.PublicRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == kind && r.RecordId == recordId, cancellationToken);
    }

    public async Task<RegistrySubject?> FindSubjectAsync(string uscc, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.RegistrySubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Uscc == uscc, cancellationToken);
    }

    /// <summary>Every record about one subject (by its subject key), public or not, newest first: the subject's own view
    /// and special reports filter it themselves.</summary>
    public async Task<IReadOnlyList<PublicRecord>> BySubjectAsync(string subjectKey, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.PublicRecords.AsNoTracking().Where(r => r.SubjectKey == subjectKey)
            .OrderByDescending(r => r.DecisionDate).ThenBy(r => r.RecordId).ToListAsync(cancellationToken);
    }

    /// <summary>数据更新时间 and size of one dataset: when an import last wrote a record of <paramref name="kind"/>, and how
    /// many the store holds (public or not).</summary>
    public async Task<(DateTimeOffset? LastImported, long Count)> DatasetAsync(RecordKind kind, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var count = await context.PublicRecords.LongCountAsync(r => r.Kind == kind, cancellationToken);
        if (count == 0)
        {
            return (null, 0);
        }

        // SQLite cannot take MAX of a DateTimeOffset column in SQL; the newest batch that wrote this kind says the same.
        var seq = await context.PublicRecords.Where(r => r.Kind == kind).MaxAsync(r => EF.Property<long>(r, CreditDbContext.ChangeSeq), cancellationToken);
        var last = await context.ImportBatches.Where(b => b.Id == seq).Select(b => (DateTimeOffset?)b.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return (last, count);
    }

    /// <summary>Records and registry records written by batches after <paramref name="after"/> up to <paramref name="upTo"/>.</summary>
    public async Task<long> CountChangedAsync(long after, long upTo, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var records = await context.PublicRecords.LongCountAsync(
            r => EF.Property<long>(r, CreditDbContext.ChangeSeq) > after && EF.Property<long>(r, CreditDbContext.ChangeSeq) <= upTo, cancellationToken);
        var subjects = await context.RegistrySubjects.LongCountAsync(
            s => EF.Property<long>(s, CreditDbContext.ChangeSeq) > after && EF.Property<long>(s, CreditDbContext.ChangeSeq) <= upTo, cancellationToken);
        return records + subjects;
    }

    public async Task<long> CountListedAsync(CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.PublicRecords.LongCountAsync(cancellationToken) + await context.RegistrySubjects.LongCountAsync(cancellationToken);
    }

    /// <summary>Records written by batches in (<paramref name="after"/>, <paramref name="upTo"/>], in pages.</summary>
    public async IAsyncEnumerable<IReadOnlyList<PublicRecord>> ReadChangedRecordsAsync(
        long after, long upTo, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        foreach (var seq in await BatchesAsync(context, after, upTo, cancellationToken))
        {
            foreach (var kind in RecordText.AllKinds)
            {
                var last = string.Empty;
                while (true)
                {
                    var page = await context.PublicRecords.AsNoTracking()
                        .Where(r => EF.Property<long>(r, CreditDbContext.ChangeSeq) == seq && r.Kind == kind && r.RecordId.CompareTo(last) > 0)
                        .OrderBy(r => r.RecordId).Take(pageSize).ToListAsync(cancellationToken);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    yield return page;
                    last = page[^1].RecordId;
                }
            }
        }
    }

    /// <summary>Registry records written by batches in (<paramref name="after"/>, <paramref name="upTo"/>], in pages.</summary>
    public async IAsyncEnumerable<IReadOnlyList<RegistrySubject>> ReadChangedSubjectsAsync(
        long after, long upTo, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        foreach (var seq in await BatchesAsync(context, after, upTo, cancellationToken))
        {
            var last = string.Empty;
            while (true)
            {
                var page = await context.RegistrySubjects.AsNoTracking()
                    .Where(s => EF.Property<long>(s, CreditDbContext.ChangeSeq) == seq && s.Uscc.CompareTo(last) > 0)
                    .OrderBy(s => s.Uscc).Take(pageSize).ToListAsync(cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                yield return page;
                last = page[^1].Uscc;
            }
        }
    }

    /// <summary>Records and registry records removed by <c>--replace</c> imports in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public async IAsyncEnumerable<IReadOnlyList<RecordRemovalKey>> ReadRemovedAsync(
        long after, long upTo, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var lastId = 0L;
        while (true)
        {
            var page = await context.RecordRemovals.AsNoTracking()
                .Where(r => r.ChangeSeq > after && r.ChangeSeq <= upTo && r.Id > lastId)
                .OrderBy(r => r.Id).Take(pageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page.Select(r => new RecordRemovalKey(r.Kind, r.RecordId)).ToList();
            lastId = page[^1].Id;
        }
    }

    /// <summary>Every record, in pages (for a rebuild of the index).</summary>
    public async IAsyncEnumerable<IReadOnlyList<PublicRecord>> ReadAllRecordsAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        foreach (var kind in RecordText.AllKinds)
        {
            var last = string.Empty;
            while (true)
            {
                var page = await context.PublicRecords.AsNoTracking()
                    .Where(r => r.Kind == kind && r.RecordId.CompareTo(last) > 0)
                    .OrderBy(r => r.RecordId).Take(pageSize).ToListAsync(cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                yield return page;
                last = page[^1].RecordId;
            }
        }
    }

    /// <summary>Every registry record, in pages (for a rebuild of the index).</summary>
    public async IAsyncEnumerable<IReadOnlyList<RegistrySubject>> ReadAllSubjectsAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var last = string.Empty;
        while (true)
        {
            var page = await context.RegistrySubjects.AsNoTracking()
                .Where(s => s.Uscc.CompareTo(last) > 0).OrderBy(s => s.Uscc).Take(pageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            last = page[^1].Uscc;
        }
    }

    // Reads of the platforms' change feed (GET /api/v1/records, CreditSite.Platforms.RecordChangeFeed). SQLite cannot
    // compare DateTimeOffset columns in SQL, so they go by batch number; the feed maps numbers to times itself.

    /// <summary>Record ids in code point (UTF-8 byte) order whatever the database's collation, so that the feed's keyset
    /// paging and its merge in memory agree.</summary>
    private string BinaryCollation => store.Provider == StoreProvider.Sqlite ? "BINARY" : "C";

    /// <summary>Import batches after <paramref name="afterSeq"/>, oldest first: one row an import, so few.</summary>
    public async Task<IReadOnlyList<BatchTime>> BatchTimesAsync(long afterSeq, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var rows = await context.ImportBatches.AsNoTracking().Where(b => b.Id > afterSeq).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.StartedAt }).ToListAsync(cancellationToken);
        return rows.Select(b => new BatchTime(b.Id, b.StartedAt)).ToList();
    }

    /// <summary>Records of <paramref name="kind"/> last written by batches up to <paramref name="upToSeq"/>, ordered by
    /// (batch, id), from batch <paramref name="fromSeq"/> with an id after <paramref name="afterId"/> on (every id is
    /// after the empty string).</summary>
    public async Task<IReadOnlyList<StoredRecord>> ReadWrittenAsync(
        RecordKind kind, long fromSeq, string afterId, long upToSeq, int take, CancellationToken cancellationToken = default)
    {
        var collation = BinaryCollation;
        await using var context = store.CreateContext();
        var rows = await context.PublicRecords.AsNoTracking()
            .Where(r => r.Kind == kind && EF.Property<long>(r, CreditDbContext.ChangeSeq) <= upToSeq
                && (EF.Property<long>(r, CreditDbContext.ChangeSeq) > fromSeq
                    || (EF.Property<long>(r, CreditDbContext.ChangeSeq) == fromSeq && EF.Functions.Collate(r.RecordId, collation).CompareTo(afterId) > 0)))
            .OrderBy(r => EF.Property<long>(r, CreditDbContext.ChangeSeq)).ThenBy(r => EF.Functions.Collate(r.RecordId, collation))
            .Select(r => new { Record = r, Seq = EF.Property<long>(r, CreditDbContext.ChangeSeq) })
            .Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new StoredRecord(r.Record, r.Seq)).ToList();
    }

    /// <summary>Tombstones of <paramref name="kind"/> (records removed by <c>--replace</c>) in the same order and range as
    /// <see cref="ReadWrittenAsync"/>.</summary>
    public async Task<IReadOnlyList<RecordRemoval>> ReadRemovalsAsync(
        RecordKind kind, long fromSeq, string afterId, long upToSeq, int take, CancellationToken cancellationToken = default)
    {
        var code = kind.Code();
        var collation = BinaryCollation;
        await using var context = store.CreateContext();
        return await context.RecordRemovals.AsNoTracking()
            .Where(r => r.Kind == code && r.ChangeSeq <= upToSeq
                && (r.ChangeSeq > fromSeq || (r.ChangeSeq == fromSeq && EF.Functions.Collate(r.RecordId, collation).CompareTo(afterId) > 0)))
            .OrderBy(r => r.ChangeSeq).ThenBy(r => EF.Functions.Collate(r.RecordId, collation)).ThenBy(r => r.Id)
            .Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Records of <paramref name="kind"/> last written by batches up to <paramref name="upToSeq"/> that no status
    /// takes out of view (the opposite of <see cref="PublicRecord.IsWithdrawn"/>) whose <c>public_until</c> lies in
    /// [<paramref name="from"/>, <paramref name="to"/>], ordered by (public_until, id), after (<paramref name="afterUntil"/>,
    /// <paramref name="afterId"/>): the records that left public view by their date alone.</summary>
    public async Task<IReadOnlyList<StoredRecord>> ReadPublicUntilAsync(
        RecordKind kind, DateOnly from, DateOnly to, long upToSeq, DateOnly afterUntil, string afterId, int take, CancellationToken cancellationToken = default)
    {
        var collation = BinaryCollation;
        await using var context = store.CreateContext();
        var rows = await context.PublicRecords.AsNoTracking()
            .Where(r => r.Kind == kind && r.PublicUntil != null && r.PublicUntil >= from && r.PublicUntil <= to
                && EF.Property<long>(r, CreditDbContext.ChangeSeq) <= upToSeq
                && (r.PublicUntil > afterUntil || (r.PublicUntil == afterUntil && EF.Functions.Collate(r.RecordId, collation).CompareTo(afterId) > 0))
                && !r.Unpublished
                && r.Status != RecordStatus.Repaired && r.Status != RecordStatus.Withdrawn && r.Status != RecordStatus.Expired
                && !(r.Kind == RecordKind.Penalty && r.Status == RecordStatus.Revoked))
            .OrderBy(r => r.PublicUntil).ThenBy(r => EF.Functions.Collate(r.RecordId, collation))
            .Select(r => new { Record = r, Seq = EF.Property<long>(r, CreditDbContext.ChangeSeq) })
            .Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new StoredRecord(r.Record, r.Seq)).ToList();
    }

    private static Task<List<long>> BatchesAsync(CreditDbContext context, long after, long upTo, CancellationToken cancellationToken) =>
        context.ImportBatches.AsNoTracking().Where(b => b.Id > after && b.Id <= upTo).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
}
