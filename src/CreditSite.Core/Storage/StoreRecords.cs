namespace CreditSite.Storage;

/// <summary>One import (or the first-start demonstration load). Its <see cref="Id"/> is the change sequence: every
/// entry written by the batch carries it, so an indexer asks "what changed after batch N". Imports take a lock on
/// this table first, so batch ids commit in increasing order.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The file name (no folder) or <c>demo-data</c>.</summary>
    public string Source { get; set; } = string.Empty;

    public bool Replace { get; set; }

    public int RowCount { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Removed { get; set; }
}

/// <summary>A tombstone: the entry was removed by an import with <c>--replace</c> in batch <see cref="ChangeSeq"/>,
/// so an indexer that has not seen that batch yet deletes it from the index.</summary>
public sealed class ListEntryRemoval
{
    public long Id { get; set; }

    public required string EntryId { get; set; }

    public long ChangeSeq { get; set; }
}

/// <summary>Column sizes shared by the schema and the import validation, so a valid row always fits.</summary>
public static class ListEntryLimits
{
    public const int EntryId = 64;
    public const int SubjectName = 200;
    public const int IssuingDepartment = 100;
    public const int DecisionNumber = 100;
    public const int LegalBasis = 1000;
    public const int Summary = 4000;
}
