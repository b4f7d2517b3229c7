using Lucene.Net.Search;

namespace CreditSite.Search.Embedded;

/// <summary>Hands a collector the matches of a very broad query that lie in evenly spread slices of every segment
/// instead of all of them — slices that together cover <c>fraction</c> of the segment's documents — plus, wherever they
/// lie, the matches of <c>alwaysInclude</c> (the whole text as a phrase in a name: the best matches, so that a full
/// company name typed in still finds that company). Every part of the index — list entries imported first, penalties
/// last — is in the sample, and the ranking, counts and facets drawn from it are the same run to run and page to page.
/// Stepping through a posting list costs ~20 ns a match in Lucene.Net whatever the collector then does (a filter checked
/// per match does not shorten the walk), so only not visiting matches bounds a query of 常州 over 5M records; the skip
/// lists make the jump to the next slice cheap.</summary>
internal static class MatchSample
{
    private const int Slices = 64;

    public static void Collect(IndexSearcher searcher, Query query, Query? alwaysInclude, ICollector collector, double fraction)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var include = alwaysInclude is null ? null : searcher.CreateNormalizedWeight(alwaysInclude);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
            {
                continue;
            }

            collector.SetNextReader(leaf);
            collector.SetScorer(scorer);
            var included = include?.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            var next = included?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var doc = scorer.DocID;
            for (var slice = 0; slice <= Slices; slice++)
            {
                // Slice number Slices is the empty one at the end, for the included matches after the last slice.
                var start = slice == Slices ? maxDoc : (int)((long)maxDoc * slice / Slices);
                var end = slice == Slices ? maxDoc : start + (int)Math.Ceiling((double)maxDoc / Slices * fraction);

                // Included documents before the slice: collected when the query (with its filters) matches them too.
                for (; next < start; next = included!.NextDoc())
                {
                    if (doc < next)
                    {
                        doc = scorer.Advance(next);
                    }

                    if (doc == next)
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
                    collector.Collect(doc);
                }

                // Included documents inside the slice were collected with it.
                if (next < end)
                {
                    next = included!.Advance(end);
                }
            }
        }
    }
}
