using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>The first pass of a search by subject: every matching document is read once, for its subject (the global
/// ordinal of its <see cref="IndexFields.SubjectGroup"/>; a document without one is a group of its own), its score or
/// date, and its facet values. Keeps only the best <c>wanted</c> groups (<see cref="TopGroups"/>), counts the distinct
/// groups exactly with one bit per subject, counts each subject's matching documents (one rented number per subject:
/// cheaper than searching the page's subjects again), and hands each document to the subject facet counter.</summary>
internal sealed class SubjectGroupCollector(SubjectOrdinals ordinals, int wanted, bool byScore, SubjectFacetCounter? facets) : ICollector, IDisposable
{
    private readonly TopGroups _top = new(wanted);

    // One bit per subject, in a rented array: a new one would be a large object per search (200 KB at 1.7M subjects),
    // and those bring on full collections.
    private readonly FixedBitSet _seen = new(RentCleared((Math.Max(1, ordinals.Count) + 63) >> 6), Math.Max(1, ordinals.Count));
    private bool _disposed;

    // Matching documents by subject; an entry is written when its subject is first met, so the rented array needs no clearing.
    private int[]? _matched = ArrayPool<int>.Shared.Rent(Math.Max(1, ordinals.Count));
    private Scorer? _scorer;
    private SegmentSubjects? _segment;
    private int _docBase;
    private int _leaf;

    /// <summary>Distinct subjects plus documents without a subject.</summary>
    public long Groups { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _leaf = context.Ord;
        _segment = SegmentSubjects.Of(reader);
        facets?.SetNextReader(reader);
    }

    public void Collect(int doc)
    {
        var segmentOrd = _segment!.Ords[doc];
        long group;
        var first = true;
        if (segmentOrd < 0)
        {
            group = -1L - (_docBase + doc);
            Groups++;
        }
        else
        {
            var ord = ordinals.Global(_leaf, segmentOrd);
            group = ord;
            first = !_seen.GetAndSet(ord);
            if (first)
            {
                Groups++;
                _matched![ord] = 1;
            }
            else
            {
                _matched![ord]++;
            }
        }

        facets?.Collect(doc, group, first);
        var value = byScore ? _scorer!.GetScore() : _segment.Dates[doc];
        _top.Offer(group, value, _docBase + doc);
    }

    /// <summary>The groups kept, best first; a negative group is a document without a subject.</summary>
    public List<(long Group, double Value, int Doc)> TopGroups() => _top.Sorted();

    /// <summary>How many matching documents a group has (a document without a subject: itself).</summary>
    public int Matched(long group) => group < 0 ? 1 : _matched![group];

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            ArrayPool<int>.Shared.Return(_matched!);
            ArrayPool<long>.Shared.Return(_seen.GetBits());
            _matched = null;
        }
    }

    private static long[] RentCleared(int words)
    {
        var bits = ArrayPool<long>.Shared.Rent(words);
        Array.Clear(bits, 0, words);
        return bits;
    }
}
