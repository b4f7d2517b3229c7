using CreditSite.Domain;

namespace CreditSite.Platforms;

public enum RecordChangeType
{
    /// <summary>Written by an import and in public view now: the record's content goes with it.</summary>
    Upsert,

    /// <summary>Left public view: removed by a <c>--replace</c> import, withdrawn by its status, or past its
    /// <c>public_until</c>. Kind, id and time only.</summary>
    Removal,
}

/// <summary>One change. <see cref="Record"/> is set for an upsert only.</summary>
public sealed record RecordChange(RecordChangeType Type, RecordKind Kind, string RecordId, DateTimeOffset ChangedAt, PublicRecord? Record);

/// <summary>Where a reader of the feed stands: every change ordered at or before (<see cref="Time"/>, <see cref="Seq"/>,
/// <see cref="RecordId"/>) has been handed out, counting the batches up to <see cref="Watermark"/> and the changes by
/// date up to <see cref="DatesUpTo"/>.</summary>
/// <param name="Seq">The batch of the last change handed out; 0 for a change by date alone, -1 before any change at
/// <see cref="Time"/>.</param>
/// <param name="RecordId">The last record handed out at (<see cref="Time"/>, <see cref="Seq"/>); null when all of them were.</param>
/// <param name="Watermark">The newest batch the reader's last page counted; null for a first request. A batch after it
/// that started before <see cref="Time"/> (an import still running while the reader paged) sends the reader back to
/// that batch's start.</param>
/// <param name="DatesUpTo">The site's time of the reader's last page: records leaving by date were counted up to it.
/// A midnight after it but before <see cref="Time"/> (the store's clock ahead of the site's) sends the reader back to
/// that midnight.</param>
public sealed record RecordChangePosition(RecordKind Kind, DateTimeOffset Time, long Seq, string? RecordId, long? Watermark, DateTimeOffset? DatesUpTo)
{
    /// <summary>Every change at or after <paramref name="changedSince"/>.</summary>
    public static RecordChangePosition Since(RecordKind kind, DateTimeOffset changedSince) => new(kind, changedSince, -1, null, null, null);

    /// <summary>Whether a change with key (<paramref name="time"/>, <paramref name="seq"/>, <paramref name="recordId"/>)
    /// comes after this position.</summary>
    public bool IsBefore(DateTimeOffset time, long seq, string recordId) =>
        time > Time || (time == Time && (seq > Seq || (seq == Seq && RecordId is not null && CodePointOrder.Compare(recordId, RecordId) > 0)));
}

/// <param name="AsOf">The moment the page describes (the site's clock).</param>
/// <param name="HasMore">More changes are ready now: ask again with <paramref name="Next"/> at once. Otherwise ask
/// again later with <paramref name="Next"/>.</param>
public sealed record RecordChangePage(IReadOnlyList<RecordChange> Changes, RecordChangePosition Next, bool HasMore, DateTimeOffset AsOf);
