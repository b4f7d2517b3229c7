using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>One segment's facet ordinal per document (-1: none) and each ordinal's values by dimension: none, one,
/// or (处罚类别) several, each counted once for every document with that ordinal. Segments written before a dimension
/// existed have fewer parts; the missing dimensions count nothing there.</summary>
internal sealed class SegmentFacets(int[] ords, string[][][] values)
{
    public int[] Ords { get; } = ords;

    public string[][][] Values { get; } = values;

    private static readonly ConditionalWeakTable<object, SegmentFacets> Segments = new();

    /// <summary>The segment's facets, loaded once: the core key stays the same for a segment whatever its deletions, so
    /// refreshed readers share the entry.</summary>
    public static SegmentFacets Of(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private static SegmentFacets Load(AtomicReader reader)
    {
        var docValues = reader.GetSortedDocValues(IndexFields.FacetKey);
        if (docValues is null)
        {
            return new SegmentFacets([], []);
        }

        var ords = new int[reader.MaxDoc];
        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = docValues.GetOrd(doc);
        }

        var values = new string[docValues.ValueCount][][];
        var scratch = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            docValues.LookupOrd(ord, scratch);
            values[ord] = scratch.Utf8ToString().Split(IndexFields.FacetSeparator)
                .Select(part => part.Split(IndexFields.FacetValueSeparator, StringSplitOptions.RemoveEmptyEntries))
                .ToArray();
        }

        return new SegmentFacets(ords, values);
    }
}
