using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>Hands a collector the matches of a very broad query that lie in evenly spread slices of every segment
/// instead of all of them — slices that together cover <c>fraction</c> of the segment's documents — plus, wherever they
/// lie, the matches of the query's name phrase (the whole text as a phrase in a name: the best matches, so that a full
/// company name typed in still finds that company). Every part of the index — list entries imported first, penalties
/// last — is in the sample, and the ranking, counts and facets drawn from it are the same run to run and page to page.
/// Stepping through a posting list costs ~20 ns a match in Lucene.Net whatever the collector then does, so only not
/// visiting matches bounds a query of 常州 over 5M records; the skip lists make the jump to the next slice cheap.</summary>
/// <remarks>The text's own scorer walks the slices and the filter's bits are checked here: a filtered scorer looks for
/// the next document that passes its filter wherever that is, so with a selective filter (one subject type, a field)
/// a single step could walk the rest of the posting list.</remarks>
internal static class MatchSample
{
    private const int Slices = 64;

    public static void Collect(IndexSearcher searcher, EmbeddedQuery query, ICollector collector, double fraction)
    {
        var match = searcher.CreateNormalizedWeight(query.Match ?? throw new ArgumentException("A browse is never sampled.", nameof(query)));
        var include = query.NamePhrase is null ? null : searcher.CreateNormalizedWeight(query.NamePhrase);
        Weight? whole = null;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var filter = query.Filter.GetDocIdSet(leaf, null);
            if (filter is null)
            {
                continue;
            }

            // A filter without random access (a date range) is left to the query's own filtered scorer.
            var bits = filter.Bits;
            var weight = bits is null ? whole ??= searcher.CreateNormalizedWeight(query.Query) : match;
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
            {
                continue;
            }

            collector.SetNextReader(leaf);
            collector.SetScorer(scorer);
            CollectSegment(scorer, bits, include?.GetScorer(leaf, leaf.AtomicReader.LiveDocs), leaf.AtomicReader.MaxDoc, collector, fraction);
        }
    }

    private static void CollectSegment(Scorer scorer, IBits? bits, Scorer? included, int maxDoc, ICollector collector, double fraction)
    {
        var next = included?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
        var doc = scorer.DocID;
        for (var slice = 0; slice <= Slices; slice++)
        {
            // Slice number Slices is the empty one at the end, for the included matches after the last slice.
            var start = slice == Slices ? maxDoc : (int)((long)maxDoc * slice / Slices);
            var end = slice == Slices ? maxDoc : start + (int)Math.Ceiling((double)maxDoc / Slices * fraction);

            // Included documents before the slice: collected when the text (and the filter) matches them too.
            for (; next < start; next = included!.NextDoc())
            {
                if (doc < next)
                {
                    doc = scorer.Advance(next);
                }

                if (doc == next && (bits is null || bits.Get(doc)))
                {
                    collector.Collect(doc);
                }
            }

            if (doc < start && start < maxDoc)
            {
                doc = scorer.Advance(start);
            }

            for (; doc < end; doc = scorer.NextDoc())
            {
                if (bits is null || bits.Get(doc))
                {
                    collector.Collect(doc);
                }
            }

            // Included documents inside the slice were collected with it.
            if (next < end)
            {
                next = included!.Advance(end);
            }
        }
    }
}
