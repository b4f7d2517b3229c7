using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>Counts facet values over every matching document from sorted doc values: per segment an array as long as
/// the number of distinct values (a few dozen), never anything as large as the index.</summary>
internal sealed class FacetCounter : ICollector
{
    private readonly int _dimensionCount = IndexFields.FacetDimensions.Count;
    private readonly SortedDocValues?[] _values;
    private readonly int[]?[] _counts;
    private readonly Dictionary<string, long>[] _totals;
    private readonly BytesRef _scratch = new();

    public FacetCounter()
    {
        _values = new SortedDocValues?[_dimensionCount];
        _counts = new int[]?[_dimensionCount];
        _totals = new Dictionary<string, long>[_dimensionCount];
        for (var i = 0; i < _dimensionCount; i++)
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
        for (var i = 0; i < _dimensionCount; i++)
        {
            var values = context.AtomicReader.GetSortedDocValues(IndexFields.FacetField(IndexFields.FacetDimensions[i]));
            _values[i] = values;
            _counts[i] = values is null || values.ValueCount == 0 ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _dimensionCount; i++)
        {
            var counts = _counts[i];
            if (counts is null)
            {
                continue;
            }

            var ord = _values[i]!.GetOrd(doc);
            if (ord >= 0)
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>Values by count, most frequent first, then by value.</summary>
    public SearchFacets Result()
    {
        FlushSegment();
        var byDimension = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var i = 0; i < _dimensionCount; i++)
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
        for (var i = 0; i < _dimensionCount; i++)
        {
            var counts = _counts[i];
            var values = _values[i];
            if (counts is null || values is null)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                values.LookupOrd(ord, _scratch);
                var key = _scratch.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }

            _counts[i] = null;
            _values[i] = null;
        }
    }
}
