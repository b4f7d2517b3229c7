namespace CreditSite.Storage;

/// <summary>A tombstone for a public record or a registry record removed by an import with <c>--replace</c> in batch
/// <see cref="ChangeSeq"/>: the indexer deletes it from the index, and the change feed reports it as a removal.</summary>
public sealed class RecordRemoval
{
    public long Id { get; set; }

    /// <summary><c>licence</c>, <c>penalty</c>, <c>commitment</c> or <c>subject</c> (a registry record, by USCC).</summary>
    public required string Kind { get; set; }

    public required string RecordId { get; set; }

    public long ChangeSeq { get; set; }

    public DateTimeOffset RemovedAt { get; set; }
}

/// <summary>Column sizes of public and registry records, shared by the schema and the import validation.</summary>
public static class PublicRecordLimits
{
    public const int RecordId = 64;
    public const int SubjectName = 200;
    public const int PersonName = 100;
    public const int Department = 100;
    public const int DecisionNumber = 100;
    public const int ShortText = 200;
    public const int LegalBasis = 1000;
    public const int LongText = 4000;
    public const int PenaltyTypes = 400;
    public const int FormerNames = 1000;
    public const int Address = 300;
}
