using System.Collections.Concurrent;
using CreditSite.Domain;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>Per-segment cached filters: the visibility rule of a day and the low-cardinality keyword filters (type,
/// red/black, field, department, subject type). Cached bit sets follow segments, so they survive index refreshes.</summary>
internal sealed class FilterCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<Query, Filter> _cached = new();
    private readonly ConcurrentDictionary<DateOnly, Filter> _visibility = new();

    public Filter Cached(Query query)
    {
        if (_cached.Count >= MaxEntries)
        {
            _cached.Clear();
        }

        return _cached.GetOrAdd(query, q => new BitSetCachingFilter(new QueryWrapperFilter(q)));
    }

    /// <summary>Content documents are always visible. A list entry or record is hidden once its <c>public_until</c> lies
    /// before <paramref name="today"/>; a list entry when it is exited or repaired, a record when it is withdrawn.</summary>
    public Filter Visibility(DateOnly today)
    {
        if (_visibility.TryGetValue(today, out var filter))
        {
            return filter;
        }

        if (_visibility.Count >= 4)
        {
            _visibility.Clear();
        }

        var visible = new BooleanQuery(disableCoord: true)
        {
            { new MatchAllDocsQuery(), Occur.MUST },
            { new TermQuery(new Term(IndexFields.Status, EntryStatus.Exited.Code())), Occur.MUST_NOT },
            { new TermQuery(new Term(IndexFields.Status, EntryStatus.Repaired.Code())), Occur.MUST_NOT },
            { new TermQuery(new Term(IndexFields.Withdrawn, "1")), Occur.MUST_NOT },
            { NumericRangeQuery.NewInt32Range(IndexFields.PublicUntil, null, today.DayNumber, true, false), Occur.MUST_NOT },
        };
        return _visibility.GetOrAdd(today, _ => new BitSetCachingFilter(new QueryWrapperFilter(visible)));
    }
}

/// <summary>Caches a filter per segment as a <see cref="FixedBitSet"/> (one bit a document, 125 KB per million) instead
/// of Lucene's default compressed set, because a bit set answers "is document n in?" directly, which lets
/// <see cref="FilteredQuery"/> check the filter per candidate instead of stepping through it.</summary>
internal sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
{
    protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader) => AllOfFilter.ToBits(docIdSet, reader.MaxDoc);
}

/// <summary>Documents in every one of several filters, as random-access bits.</summary>
internal sealed class AllOfFilter(IReadOnlyList<Filter> filters) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var maxDoc = context.AtomicReader.MaxDoc;
        var withBits = new List<DocIdSet>(filters.Count);
        DocIdSet? lead = null;
        foreach (var filter in filters)
        {
            var set = filter.GetDocIdSet(context, null);
            if (set is null)
            {
                return null;
            }

            if (set.Bits is not null)
            {
                withBits.Add(set);
            }
            else if (lead is null)
            {
                // An uncached filter (a subject key: a handful of documents) leads; the cached ones are checked per
                // document. Making it into bits would cost a bit set per search.
                lead = set;
            }
            else
            {
                withBits.Add(ToBits(set, maxDoc));
            }
        }

        return BitsFilteredDocIdSet.Wrap(new Intersection(lead, withBits, maxDoc), acceptDocs);
    }

    internal static FixedBitSet ToBits(DocIdSet? set, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        var iterator = set?.GetIterator();
        if (iterator is not null)
        {
            bits.Or(iterator);
        }

        return bits;
    }

    /// <summary>With a <paramref name="lead"/> (no random access), its iterator checked against the others' bits, and no
    /// bits of its own (the query then steps through it); without, random-access bits over all of them.</summary>
    private sealed class Intersection(DocIdSet? lead, List<DocIdSet> withBits, int maxDoc) : DocIdSet
    {
        private readonly IBits[] _bits = withBits.Select(s => s.Bits).ToArray();

        public override IBits? Bits => lead is null ? new AllBits(_bits, maxDoc) : null;

        public override DocIdSetIterator GetIterator() =>
            lead is not null ? new FilteredDocIdSetIterator(lead.GetIterator() ?? DocIdSetIterator.GetEmpty(), _bits, skipFirst: false)
            : _bits.All(b => b is FixedBitSet) ? new WordAndIterator(_bits.Select(b => ((FixedBitSet)b).GetBits()).ToArray(), maxDoc)
            : new FilteredDocIdSetIterator(withBits[0].GetIterator() ?? DocIdSetIterator.GetEmpty(), _bits, skipFirst: true);

        public override bool IsCacheable => true;
    }

    private sealed class AllBits(IBits[] bits, int length) : IBits
    {
        public int Length => length;

        public bool Get(int index)
        {
            foreach (var b in bits)
            {
                if (!b.Get(index))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The documents set in every one of several bit sets, found 64 at a time by AND-ing their words: a browse
    /// by type and 处罚类别 costs a pass over the words plus one step per match, not one check per visible document.</summary>
    private sealed class WordAndIterator(long[][] words, int maxDoc) : DocIdSetIterator
    {
        private readonly int _wordCount = Math.Min((maxDoc + 63) >> 6, words.Min(w => w.Length));
        private int _doc = -1;
        private int _word = -1;

        // The current word's matches not returned yet.
        private long _rest;

        public override int DocID => _doc;

        public override int NextDoc()
        {
            while (_rest == 0)
            {
                if (++_word >= _wordCount)
                {
                    return _doc = NO_MORE_DOCS;
                }

                _rest = And(_word);
            }

            return Take();
        }

        public override int Advance(int target)
        {
            _word = target >> 6;
            if (target >= maxDoc || _word >= _wordCount)
            {
                return _doc = NO_MORE_DOCS;
            }

            _rest = And(_word) & (-1L << (target & 63));
            return _rest != 0 ? Take() : NextDoc();
        }

        public override long GetCost() => maxDoc;

        private int Take()
        {
            var doc = (_word << 6) + System.Numerics.BitOperations.TrailingZeroCount(_rest);
            _rest &= _rest - 1;
            return _doc = doc < maxDoc ? doc : NO_MORE_DOCS;
        }

        private long And(int word)
        {
            var value = words[0][word];
            for (var i = 1; i < words.Length && value != 0; i++)
            {
                value &= words[i][word];
            }

            return value;
        }
    }

    /// <summary><paramref name="lead"/>'s documents that are in every one of <paramref name="bits"/> (the first of which
    /// is the lead's own when <paramref name="skipFirst"/>).</summary>
    private sealed class FilteredDocIdSetIterator(DocIdSetIterator lead, IBits[] bits, bool skipFirst) : DocIdSetIterator
    {
        public override int DocID => lead.DocID;

        public override int NextDoc() => Settle(lead.NextDoc());

        public override int Advance(int target) => Settle(lead.Advance(target));

        public override long GetCost() => lead.GetCost();

        private int Settle(int doc)
        {
            while (doc != NO_MORE_DOCS && !InAll(doc))
            {
                doc = lead.NextDoc();
            }

            return doc;
        }

        private bool InAll(int doc)
        {
            for (var i = skipFirst ? 1 : 0; i < bits.Length; i++)
            {
                if (!bits[i].Get(doc))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>Always hand the filter's bits to the query's scorers. Lucene's default does so only when the filter's first
/// document is below 100 (a guess at density); here the first visible entry can lie further in (expired entries come
/// first in an import), and the filters are bit sets that answer per document at no cost anyway.</summary>
internal sealed class AlwaysRandomAccess : FilteredQuery.RandomAccessFilterStrategy
{
    public static readonly AlwaysRandomAccess Instance = new();

    protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;

    /// <summary>The query's own bulk scorer over the filter's bits: Lucene's default wraps the filtered scorer in a
    /// document-at-a-time loop, which keeps a disjunction (a term in the name or the body) from Lucene's bucketed
    /// <c>BooleanScorer</c> even when the collector takes documents out of order.</summary>
    public override BulkScorer? FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(docIdSet);
        var bits = docIdSet.Bits;
        if (bits is null)
        {
            return base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);
        }

        // As the default does: a filter that accepts nothing in this segment scores nothing.
        var first = docIdSet.GetIterator();
        return first is null || first.NextDoc() == DocIdSetIterator.NO_MORE_DOCS
            ? null
            : weight.GetBulkScorer(context, scoreDocsInOrder, bits);
    }
}
