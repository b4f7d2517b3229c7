using CreditSite.Domain;

namespace CreditSite.CreditRepair;

/// <summary>A field of a record corrected by an upheld objection: the old and the new value are both kept, and a later
/// import of the record gets the correction again.</summary>
public sealed class RecordCorrection
{
    public long Id { get; set; }

    public required string RequestNumber { get; set; }

    public RequestRecordKind RecordKind { get; set; }

    public required string RecordId { get; set; }

    /// <summary>A <see cref="CorrectableFields"/> code.</summary>
    public required string Field { get; set; }

    public required string OldValue { get; set; }

    public required string NewValue { get; set; }

    public DateTimeOffset CorrectedAt { get; set; }
}

/// <summary>A record a decision took out of public view (approved repair, or objection upheld by removal): a later
/// import of it keeps it withdrawn.</summary>
public sealed class RecordHold
{
    public RequestRecordKind RecordKind { get; set; }

    public required string RecordId { get; set; }

    /// <summary><see cref="RecordStatus.Repaired"/> or <see cref="RecordStatus.Withdrawn"/> (a list entry's 已退出).</summary>
    public RecordStatus Status { get; set; }

    public required string RequestNumber { get; set; }
}
