using Lucene.Net.Index;

namespace CreditSite.Search.Embedded;

/// <summary>Global ordinals of the subject keys (<see cref="IndexFields.SubjectGroup"/>) over all segments of one reader:
/// a subject is one number from 0 to <see cref="Count"/> − 1 whatever segment a document is in, so a search by subject
/// can mark the subjects it met in a bit set instead of a map of keys. Built once per reader snapshot (with one segment,
/// the segment's own ordinals are global and nothing is built).</summary>
internal sealed class SubjectOrdinals
{
    private readonly MultiDocValues.OrdinalMap? _map;

    private SubjectOrdinals(MultiDocValues.OrdinalMap? map, long count)
    {
        _map = map;
        Count = (int)Math.Min(count, int.MaxValue);
    }

    /// <summary>Distinct subject keys in the reader.</summary>
    public int Count { get; }

    public static SubjectOrdinals Of(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var leaves = reader.Leaves;
        if (leaves.Count <= 1)
        {
            var values = leaves.Count == 0 ? null : leaves[0].AtomicReader.GetSortedDocValues(IndexFields.SubjectGroup);
            return new SubjectOrdinals(null, values?.ValueCount ?? 0);
        }

        var subs = leaves
            .Select(leaf => leaf.AtomicReader.GetSortedDocValues(IndexFields.SubjectGroup)?.GetTermsEnum() ?? TermsEnum.EMPTY)
            .ToArray();
        var map = new MultiDocValues.OrdinalMap(reader.CoreCacheKey, subs);
        return new SubjectOrdinals(map, map.ValueCount);
    }

    /// <summary>The global ordinal of ordinal <paramref name="segmentOrd"/> of leaf <paramref name="leaf"/>.</summary>
    public int Global(int leaf, int segmentOrd) => _map is null ? segmentOrd : (int)_map.GetGlobalOrd(leaf, segmentOrd);
}
