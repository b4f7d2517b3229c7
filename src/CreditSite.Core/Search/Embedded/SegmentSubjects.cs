using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace CreditSite.Search.Embedded;

/// <summary>One segment's subject ordinal (<see cref="IndexFields.SubjectGroup"/>) and date (<see cref="IndexFields.DateSort"/>)
/// per document, read once into arrays (8 bytes a document, kept while the segment lives, shared by all searches): a
/// search by subject reads both for every match, and an array read costs a fraction of a doc-values lookup.</summary>
internal sealed class SegmentSubjects(int[] ords, int[] dates)
{
    private static readonly ConditionalWeakTable<object, SegmentSubjects> Segments = new();

    /// <summary>Subject ordinal by document; -1: the document has no subject (it is a row of its own).</summary>
    public int[] Ords { get; } = ords;

    /// <summary>Day number by document.</summary>
    public int[] Dates { get; } = dates;

    /// <summary>The segment's arrays, loaded once per segment core (the same whatever its deletions).</summary>
    public static SegmentSubjects Of(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private static SegmentSubjects Load(AtomicReader reader)
    {
        var groups = reader.GetSortedDocValues(IndexFields.SubjectGroup);
        var dateValues = reader.GetNumericDocValues(IndexFields.DateSort);
        var ords = new int[reader.MaxDoc];
        var dates = new int[reader.MaxDoc];
        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = groups?.GetOrd(doc) ?? -1;
            dates[doc] = (int)(dateValues?.Get(doc) ?? 0);
        }

        return new SegmentSubjects(ords, dates);
    }
}
