using System.Buffers;
using Lucene.Net.Index;

namespace CreditSite.Search.Embedded;

/// <summary>Facet counts of a search by subject: a subject counts once for each value among its matching documents.
/// A subject's first matching document counts its values (one count per combination of values, as
/// <see cref="FacetCounter"/> does); a further document adds only when its combination differs from the first one's, and
/// those few (subject, combination) pairs are resolved value by value at the end. Memory: one number per subject in the
/// index (rented, returned by <see cref="Result"/>), plus the differing pairs.</summary>
internal sealed class SubjectFacetCounter(int subjects)
{
    private static readonly int DimensionCount = IndexFields.FacetDimensions.Count;

    // The combination (an index into _combos) of each subject's first matching document; read only for subjects seen.
    private int[]? _first = ArrayPool<int>.Shared.Rent(Math.Max(1, subjects));
    private readonly List<string[][]> _combos = [];
    private readonly List<long> _comboCounts = [];
    private readonly HashSet<long> _further = [];
    private SegmentFacets? _segment;
    private int[] _comboOf = [];

    public void SetNextReader(AtomicReader reader)
    {
        _segment = SegmentFacets.Of(reader);
        _comboOf = new int[_segment.Values.Length];
        Array.Fill(_comboOf, -1);
    }

    /// <summary>A matching document of <paramref name="group"/> (negative: a document without a subject);
    /// <paramref name="first"/> when it is the subject's first.</summary>
    public void Collect(int doc, long group, bool first)
    {
        var ords = _segment!.Ords;
        var combo = ords.Length == 0 || ords[doc] < 0 ? -1 : ComboOf(ords[doc]);
        if (group < 0 || first)
        {
            if (group >= 0)
            {
                _first![group] = combo;
            }

            if (combo >= 0)
            {
                _comboCounts[combo]++;
            }
        }
        else if (combo >= 0 && _first![group] != combo)
        {
            _further.Add(group << 32 | (uint)combo);
        }
    }

    private int ComboOf(int ord)
    {
        if (_comboOf[ord] < 0)
        {
            _comboOf[ord] = _combos.Count;
            _combos.Add(_segment!.Values[ord]);
            _comboCounts.Add(0);
        }

        return _comboOf[ord];
    }

    /// <summary>Values by count, most frequent first, then by value.</summary>
    public SearchFacets Result()
    {
        var totals = new Dictionary<string, long>[DimensionCount];
        for (var i = 0; i < DimensionCount; i++)
        {
            totals[i] = new Dictionary<string, long>(StringComparer.Ordinal);
        }

        for (var combo = 0; combo < _combos.Count; combo++)
        {
            if (_comboCounts[combo] > 0)
            {
                AddValues(totals, _combos[combo], _comboCounts[combo], except: null);
            }
        }

        // Subjects whose matching documents have several combinations: each value not among the first's counts once.
        foreach (var subject in _further.GroupBy(pair => pair >> 32))
        {
            var first = _first![subject.Key];
            var counted = new HashSet<string>[DimensionCount];
            for (var i = 0; i < DimensionCount; i++)
            {
                counted[i] = first >= 0 && i < _combos[first].Length ? [.. _combos[first][i]] : [];
            }

            foreach (var pair in subject)
            {
                AddValues(totals, _combos[(int)(pair & 0xFFFFFFFF)], 1, counted);
            }
        }

        if (_first is not null)
        {
            ArrayPool<int>.Shared.Return(_first);
            _first = null;
        }

        var byDimension = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var i = 0; i < DimensionCount; i++)
        {
            byDimension[IndexFields.FacetDimensions[i]] = totals[i]
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new FacetValue(p.Key, p.Value))
                .ToList();
        }

        return new SearchFacets(byDimension);
    }

    /// <summary>Adds <paramref name="count"/> for each value of <paramref name="parts"/>; with <paramref name="except"/>,
    /// only for values not in it yet (and then remembers them).</summary>
    private static void AddValues(Dictionary<string, long>[] totals, string[][] parts, long count, HashSet<string>[]? except)
    {
        for (var i = 0; i < DimensionCount && i < parts.Length; i++)
        {
            foreach (var value in parts[i])
            {
                if (except is null || except[i].Add(value))
                {
                    totals[i][value] = totals[i].GetValueOrDefault(value) + count;
                }
            }
        }
    }
}
