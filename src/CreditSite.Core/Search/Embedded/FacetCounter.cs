using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditSite.Search.Embedded;

/// <summary>Counts facet values over every matching document from the combined <see cref="IndexFields.FacetKey"/>
/// doc value (every dimension, the multi-valued 处罚类别 included). Each segment's doc values are read once into an array
/// of ordinals (4 bytes a document, kept while the segment lives, shared by all searches), so counting costs one array
/// read per matching document; a search itself allocates only a count array as long as the number of distinct
/// combinations in a segment (hundreds), and splits a combination into its values once, after the segment.</summary>
internal sealed class FacetCounter : ICollector
{
    private static readonly int DimensionCount = IndexFields.FacetDimensions.Count;

    private readonly Dictionary<string, long>[] _totals;
    private SegmentFacets? _segment;
    private int[]? _counts;

    public FacetCounter()
    {
        _totals = new Dictionary<string, long>[DimensionCount];
        for (var i = 0; i < DimensionCount; i++)
        {
            _totals[i] = new Dictionary<string, long>(StringComparer.Ordinal);
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushSegment();
        var reader = context.AtomicReader;

        // The core key stays the same for a segment whatever its deletions, so refreshed readers share the entry.
        _segment = SegmentFacets.Of(reader);
        _counts = _segment.Values.Length == 0 ? null : new int[_segment.Values.Length];
    }

    public void Collect(int doc)
    {
        if (_counts is null)
        {
            return;
        }

        var ord = _segment!.Ords[doc];
        if (ord >= 0)
        {
            _counts[ord]++;
        }
    }

    /// <summary>Values by count, most frequent first, then by value.</summary>
    public SearchFacets Result()
    {
        FlushSegment();
        var byDimension = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var i = 0; i < DimensionCount; i++)
        {
            byDimension[IndexFields.FacetDimensions[i]] = _totals[i]
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new FacetValue(p.Key, p.Value))
                .ToList();
        }

        return new SearchFacets(byDimension);
    }

    private void FlushSegment()
    {
        if (_counts is null || _segment is null)
        {
            return;
        }

        for (var ord = 0; ord < _counts.Length; ord++)
        {
            var count = _counts[ord];
            if (count == 0)
            {
                continue;
            }

            var parts = _segment.Values[ord];
            for (var i = 0; i < DimensionCount && i < parts.Length; i++)
            {
                foreach (var value in parts[i])
                {
                    _totals[i][value] = _totals[i].GetValueOrDefault(value) + count;
                }
            }
        }

        _counts = null;
        _segment = null;
    }
}
