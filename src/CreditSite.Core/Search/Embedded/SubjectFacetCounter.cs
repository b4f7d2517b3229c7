using System.Buffers;
using Lucene.Net.Index;

namespace CreditSite.Search.Embedded;

/// <summary>Facet counts of a search by subject: a subject counts once for each value among its matching documents.
/// A subject's first matching document counts its values (one count per combination of values, as
/// <see cref="FacetCounter"/> does); a further document adds nothing when its combination is the first one's, and
/// otherwise is noted as a (subject, combination) pair. At the end the pairs are sorted by subject and each subject adds
/// the values its first combination did not have, checked against a stamp per value (no set per subject). Memory: one
/// rented number per subject in the index, plus the pairs.</summary>
internal sealed class SubjectFacetCounter(int subjects)
{
    private static readonly int DimensionCount = IndexFields.FacetDimensions.Count;

    // The combination of each subject's first matching document (-1: none); read only for subjects already seen.
    private int[]? _first = ArrayPool<int>.Shared.Rent(Math.Max(1, subjects));
    private long[] _pairs = ArrayPool<long>.Shared.Rent(1024);
    private int _pairCount;

    // Combinations as value ids per dimension, how many rows counted each, and the values' names.
    private readonly List<int[][]> _combos = [];
    private readonly List<long> _comboCounts = [];
    private readonly List<string>[] _names = NewPerDimension<List<string>>();
    private readonly Dictionary<string, int>[] _ids = NewPerDimension(() => new Dictionary<string, int>(StringComparer.Ordinal));
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
            if (_pairCount == _pairs.Length)
            {
                var larger = ArrayPool<long>.Shared.Rent(_pairs.Length * 2);
                _pairs.AsSpan().CopyTo(larger);
                ArrayPool<long>.Shared.Return(_pairs);
                _pairs = larger;
            }

            _pairs[_pairCount++] = group << 32 | (uint)combo;
        }
    }

    private int ComboOf(int ord)
    {
        if (_comboOf[ord] < 0)
        {
            var parts = _segment!.Values[ord];
            var ids = new int[Math.Min(parts.Length, DimensionCount)][];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = parts[i].Select(value => IdOf(i, value)).ToArray();
            }

            _comboOf[ord] = _combos.Count;
            _combos.Add(ids);
            _comboCounts.Add(0);
        }

        return _comboOf[ord];
    }

    private int IdOf(int dimension, string value)
    {
        if (!_ids[dimension].TryGetValue(value, out var id))
        {
            id = _names[dimension].Count;
            _ids[dimension][value] = id;
            _names[dimension].Add(value);
        }

        return id;
    }

    /// <summary>Values by count, most frequent first, then by value.</summary>
    public SearchFacets Result()
    {
        var counts = new long[DimensionCount][];
        var stamps = new int[DimensionCount][];
        for (var i = 0; i < DimensionCount; i++)
        {
            counts[i] = new long[_names[i].Count];
            stamps[i] = new int[_names[i].Count];
        }

        for (var combo = 0; combo < _combos.Count; combo++)
        {
            var values = _combos[combo];
            for (var dimension = 0; dimension < values.Length; dimension++)
            {
                foreach (var id in values[dimension])
                {
                    counts[dimension][id] += _comboCounts[combo];
                }
            }
        }

        // Subjects whose matching documents have several combinations: each value not among the first's counts once.
        var pairs = _pairs.AsSpan(0, _pairCount);
        pairs.Sort();
        var stamp = 0;
        long subject = -1;
        foreach (var pair in pairs)
        {
            if (pair >> 32 != subject)
            {
                subject = pair >> 32;
                stamp++;
                var first = _first![subject];
                if (first >= 0)
                {
                    Stamp(_combos[first], stamps, stamp, counts: null);
                }
            }

            Stamp(_combos[(int)(pair & 0xFFFFFFFF)], stamps, stamp, counts);
        }

        Release();
        var byDimension = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var i = 0; i < DimensionCount; i++)
        {
            var names = _names[i];
            byDimension[IndexFields.FacetDimensions[i]] = Enumerable.Range(0, names.Count)
                .Where(id => counts[i][id] > 0)
                .Select(id => new FacetValue(names[id], counts[i][id]))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Value, StringComparer.Ordinal)
                .ToList();
        }

        return new SearchFacets(byDimension);
    }

    private void Release()
    {
        if (_first is not null)
        {
            ArrayPool<int>.Shared.Return(_first);
            ArrayPool<long>.Shared.Return(_pairs);
            _first = null;
            _pairs = [];
        }
    }

    /// <summary>Marks the combination's values as counted for the current subject; with <paramref name="counts"/>, counts
    /// those not marked yet.</summary>
    private static void Stamp(int[][] combo, int[][] stamps, int stamp, long[][]? counts)
    {
        for (var dimension = 0; dimension < combo.Length; dimension++)
        {
            foreach (var id in combo[dimension])
            {
                if (stamps[dimension][id] != stamp)
                {
                    stamps[dimension][id] = stamp;
                    if (counts is not null)
                    {
                        counts[dimension][id]++;
                    }
                }
            }
        }
    }

    private static T[] NewPerDimension<T>(Func<T> create)
    {
        var array = new T[DimensionCount];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = create();
        }

        return array;
    }

    private static T[] NewPerDimension<T>() where T : new() => NewPerDimension(() => new T());
}
