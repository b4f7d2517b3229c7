using CreditSite.Domain;
using CreditSite.Storage;

namespace CreditSite.Platforms;

/// <summary>What changed in the public view of one kind of record since a time, for platforms that mirror the records
/// (<c>GET /api/v1/records</c>). Computed from the store, not the index:
/// <list type="bullet">
/// <item>a record written by an import (batch start time) and public now: an upsert with its content;</item>
/// <item>a record written by an import and not public now (its status withdraws it, or it was already past its
/// period): a removal at the write;</item>
/// <item>a record removed by a <c>--replace</c> import (a tombstone): a removal at the import;</item>
/// <item>a record past its <c>public_until</c> since its last write: a removal at local midnight (China Standard Time)
/// after that day — no write happens then.</item>
/// </list>
/// Changes are ordered by (time, batch, id), with changes by date alone (batch 0) first at equal times. Each record
/// appears with its latest state only; a tombstone is its own change. The write times come from the store's clock and
/// the date changes from the site's clock: they are the same clock outside tests.</summary>
public sealed class RecordChangeFeed(RecordStore store, TimeProvider time)
{
    public const int MaxPageSize = 500;
    private const int Chunk = 500;

    private readonly Lock _batchesGate = new();
    private List<BatchTime> _batches = [];

    public async Task<RecordChangePage> ReadAsync(RecordChangePosition position, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(CreditCalendar.ChinaStandardTime).DateTime);
        var batches = await BatchesAsync(cancellationToken);
        var watermark = batches.Count == 0 ? 0 : batches[^1].Seq;

        if (Rewind(position, batches, now) is { } start)
        {
            position = position with { Time = start, Seq = -1, RecordId = null };
        }

        var times = batches.ToDictionary(b => b.Seq, b => b.StartedAt);
        var written = await WrittenAsync(position, batches, times, watermark, today, pageSize + 1, cancellationToken);
        var expired = await ExpiredAsync(position, batches, times, now, today, pageSize + 1, cancellationToken);
        var merged = written.Concat(expired)
            .OrderBy(c => c.Change.ChangedAt).ThenBy(c => c.Seq).ThenBy(c => c.Change.RecordId, CodePointOrder.Instance)
            .Take(pageSize + 1).ToList();

        var hasMore = merged.Count > pageSize;
        var page = merged.Take(pageSize).ToList();
        RecordChangePosition next;
        if (hasMore)
        {
            var last = page[^1];
            next = new RecordChangePosition(position.Kind, last.Change.ChangedAt, last.Seq, last.Change.RecordId, watermark, now);
        }
        else
        {
            // Everything is handed out: every batch up to the watermark, every date change up to now. The next request
            // starts after both, so it scans no old rows again; later batches are late ones or come after it.
            var lastWrite = batches.Count == 0 ? DateTimeOffset.MinValue : batches[^1].StartedAt;
            var after = now > lastWrite ? now : lastWrite;
            next = position.Time > after
                ? position with { Watermark = watermark, DatesUpTo = now }
                : new RecordChangePosition(position.Kind, after, watermark, null, watermark, now);
        }

        return new RecordChangePage(page.Select(c => c.Change).ToList(), next, hasMore, now);
    }

    /// <summary>Where to read again from when changes can have appeared behind the reader's position since its last
    /// page: an import that was still running then (it commits after it starts), or a midnight the site's clock had not
    /// reached while the store's clock had (records leaving by date then). Changes from that time on may come twice;
    /// applying them by kind and id is idempotent. Null when nothing can be behind the position.</summary>
    private static DateTimeOffset? Rewind(RecordChangePosition position, IReadOnlyList<BatchTime> batches, DateTimeOffset now)
    {
        DateTimeOffset? start = null;
        if (position.Watermark is { } seen && batches.FirstOrDefault(b => b.Seq > seen && b.StartedAt < position.Time) is { } late)
        {
            start = late.StartedAt;
        }

        if (position.DatesUpTo is { } counted && counted < position.Time)
        {
            var day = DateOnly.FromDateTime(counted.ToOffset(CreditCalendar.ChinaStandardTime).DateTime);
            var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), CreditCalendar.ChinaStandardTime);
            if (midnight <= now && midnight <= position.Time && (start is null || midnight < start))
            {
                start = midnight;
            }
        }

        return start;
    }

    /// <summary>Upserts and removals at import time, in (batch, id) order from the position.</summary>
    private async Task<List<(RecordChange Change, long Seq)>> WrittenAsync(
        RecordChangePosition position, IReadOnlyList<BatchTime> batches, Dictionary<long, DateTimeOffset> times, long watermark,
        DateOnly today, int take, CancellationToken cancellationToken)
    {
        var changes = new List<(RecordChange, long)>();
        var first = batches.FirstOrDefault(b => b.StartedAt > position.Time || (b.StartedAt == position.Time && b.Seq >= position.Seq));
        if (first is null)
        {
            return changes;
        }

        // Within the position's own batch, after its record; otherwise the whole first batch at or after it.
        long fromSeq;
        string afterId;
        if (first.Seq == position.Seq && position.RecordId is not null)
        {
            (fromSeq, afterId) = (first.Seq, position.RecordId);
        }
        else if (first.Seq == position.Seq)
        {
            (fromSeq, afterId) = NextBatch(batches, first.Seq) is { } after ? (after.Seq, string.Empty) : (long.MaxValue, string.Empty);
        }
        else
        {
            (fromSeq, afterId) = (first.Seq, string.Empty);
        }

        await foreach (var (record, removal, seq) in WritesAsync(position.Kind, fromSeq, afterId, watermark, cancellationToken))
        {
            var at = times[seq];
            if (removal is not null)
            {
                changes.Add((new RecordChange(RecordChangeType.Removal, position.Kind, removal.RecordId, at, null), seq));
            }
            else if (record!.IsPublicOn(today))
            {
                changes.Add((new RecordChange(RecordChangeType.Upsert, position.Kind, record.RecordId, at, record), seq));
            }
            else if (LeftByDateAfter(record, at) is null)
            {
                changes.Add((new RecordChange(RecordChangeType.Removal, position.Kind, record.RecordId, at, null), seq));
            }

            // Otherwise it left by its date after this write: ExpiredAsync has it.
            if (changes.Count >= take)
            {
                break;
            }
        }

        return changes;
    }

    /// <summary>Records and tombstones of the batches from (<paramref name="fromSeq"/>, <paramref name="afterId"/>) up to
    /// the watermark, merged in (batch, id) order.</summary>
    private async IAsyncEnumerable<(PublicRecord? Record, RecordRemoval? Removal, long Seq)> WritesAsync(
        RecordKind kind, long fromSeq, string afterId, long watermark, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var records = new Queue<StoredRecord>();
        var removals = new Queue<RecordRemoval>();
        (long Seq, string Id) recordsAfter = (fromSeq, afterId), removalsAfter = (fromSeq, afterId);
        bool recordsDone = false, removalsDone = false;
        while (true)
        {
            if (records.Count == 0 && !recordsDone)
            {
                var chunk = await store.ReadWrittenAsync(kind, recordsAfter.Seq, recordsAfter.Id, watermark, Chunk, cancellationToken);
                chunk.ToList().ForEach(records.Enqueue);
                recordsDone = chunk.Count < Chunk;
                if (chunk.Count > 0)
                {
                    recordsAfter = (chunk[^1].ChangeSeq, chunk[^1].Record.RecordId);
                }
            }

            if (removals.Count == 0 && !removalsDone)
            {
                var chunk = await store.ReadRemovalsAsync(kind, removalsAfter.Seq, removalsAfter.Id, watermark, Chunk, cancellationToken);
                chunk.ToList().ForEach(removals.Enqueue);
                removalsDone = chunk.Count < Chunk;
                if (chunk.Count > 0)
                {
                    removalsAfter = (chunk[^1].ChangeSeq, chunk[^1].RecordId);
                }
            }

            if (records.Count == 0 && removals.Count == 0)
            {
                yield break;
            }

            var takeRecord = removals.Count == 0 || (records.Count > 0 && Compare(records.Peek().ChangeSeq, records.Peek().Record.RecordId, removals.Peek().ChangeSeq, removals.Peek().RecordId) < 0);
            if (takeRecord)
            {
                var next = records.Dequeue();
                yield return (next.Record, null, next.ChangeSeq);
            }
            else
            {
                var next = removals.Dequeue();
                yield return (null, next, next.ChangeSeq);
            }
        }
    }

    /// <summary>Records that left public view by their date alone since their last write: past <c>public_until</c>
    /// by now, and written before they left. The days go in runs between batch times: within a run, the rows that can
    /// have left on a day were written by the same batches, so the store skips the rest (say a first import full of
    /// records already past their period) instead of handing them over to be skipped here.</summary>
    private async Task<List<(RecordChange Change, long Seq)>> ExpiredAsync(
        RecordChangePosition position, IReadOnlyList<BatchTime> batches, Dictionary<long, DateTimeOffset> times, DateTimeOffset now,
        DateOnly today, int take, CancellationToken cancellationToken)
    {
        var changes = new List<(RecordChange, long)>();
        // A record leaves at midnight after public_until: after the position's time means public_until on or after the
        // day before the position's day (China Standard Time); by now means before today.
        var positionDay = Day(position.Time);
        var day = positionDay == DateOnly.MinValue ? positionDay : positionDay.AddDays(-1);
        var to = today == DateOnly.MinValue ? today : today.AddDays(-1);
        var k = 0;
        while (day <= to && changes.Count < take)
        {
            // Rows that can leave on `day` were written before its midnight: by batches up to `bound`. The bound holds
            // until the day the next batch's time is passed. Days only grow, and batch times with them.
            var left = LeftOn(day);
            while (k < batches.Count && batches[k].StartedAt < left)
            {
                k++;
            }

            var next = k < batches.Count ? batches[k] : null;
            var bound = k == 0 ? 0 : batches[k - 1].Seq;
            var runEnd = next is null ? to : Min(to, Day(next.StartedAt).AddDays(-1));
            if (runEnd < day)
            {
                runEnd = day;
            }

            if (bound > 0)
            {
                await ExpiredInRunAsync(position, day, runEnd, bound, times, now, take, changes, cancellationToken);
            }

            if (runEnd == DateOnly.MaxValue)
            {
                break;
            }

            day = runEnd.AddDays(1);
        }

        return changes;
    }

    private async Task ExpiredInRunAsync(
        RecordChangePosition position, DateOnly from, DateOnly to, long bound, Dictionary<long, DateTimeOffset> times, DateTimeOffset now,
        int take, List<(RecordChange, long)> changes, CancellationToken cancellationToken)
    {
        // Every id comes after the empty string, so (from, "") starts at the first record of that day.
        var after = (Until: from, Id: string.Empty);
        while (changes.Count < take)
        {
            var chunk = await store.ReadPublicUntilAsync(position.Kind, from, to, bound, after.Until, after.Id, Chunk, cancellationToken);
            foreach (var stored in chunk)
            {
                if (!times.TryGetValue(stored.ChangeSeq, out var written))
                {
                    continue;
                }

                if (LeftByDateAfter(stored.Record, written) is { } left && left <= now && position.IsBefore(left, 0, stored.Record.RecordId))
                {
                    changes.Add((new RecordChange(RecordChangeType.Removal, position.Kind, stored.Record.RecordId, left, null), 0));
                    if (changes.Count >= take)
                    {
                        return;
                    }
                }
            }

            if (chunk.Count < Chunk)
            {
                return;
            }

            after = (chunk[^1].Record.PublicUntil!.Value, chunk[^1].Record.RecordId);
        }
    }

    private static DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(CreditCalendar.ChinaStandardTime).DateTime);

    /// <summary>The moment a record public until <paramref name="until"/> leaves view: the next midnight, Beijing time.</summary>
    private static DateTimeOffset LeftOn(DateOnly until) =>
        until == DateOnly.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), CreditCalendar.ChinaStandardTime);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The moment <paramref name="record"/> leaves public view by its date (midnight China Standard Time after
    /// <c>public_until</c>), when that is after <paramref name="written"/> and no status took it out of view.</summary>
    private static DateTimeOffset? LeftByDateAfter(PublicRecord record, DateTimeOffset written)
    {
        if (record.IsWithdrawn || record.PublicUntil is not { } until || until == DateOnly.MaxValue)
        {
            return null;
        }

        var left = LeftOn(until);
        return left > written ? left : null;
    }

    private static BatchTime? NextBatch(IReadOnlyList<BatchTime> batches, long seq) => batches.FirstOrDefault(b => b.Seq > seq);

    private static int Compare(long seqA, string idA, long seqB, string idB) =>
        seqA != seqB ? seqA.CompareTo(seqB) : CodePointOrder.Compare(idA, idB);

    /// <summary>Every batch with its effective time: the running maximum of start times, so that times never go back
    /// in batch order even if the clock did. Committed batches never change, so they are kept and only newer ones read.</summary>
    private async Task<IReadOnlyList<BatchTime>> BatchesAsync(CancellationToken cancellationToken)
    {
        List<BatchTime> known;
        lock (_batchesGate)
        {
            known = _batches;
        }

        var newer = await store.BatchTimesAsync(known.Count == 0 ? 0 : known[^1].Seq, cancellationToken);
        if (newer.Count == 0)
        {
            return known;
        }

        var all = new List<BatchTime>(known.Count + newer.Count);
        all.AddRange(known);
        var max = known.Count == 0 ? DateTimeOffset.MinValue : known[^1].StartedAt;
        foreach (var batch in newer)
        {
            max = batch.StartedAt > max ? batch.StartedAt : max;
            all.Add(batch with { StartedAt = max });
        }

        lock (_batchesGate)
        {
            // Two requests may read at once; either list is complete up to its own newest batch. Keep the longer one.
            if (all.Count > _batches.Count)
            {
                _batches = all;
            }
        }

        return all;
    }
}
