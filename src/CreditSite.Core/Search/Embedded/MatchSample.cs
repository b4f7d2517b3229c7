using Lucene.Net.Search;

namespace CreditSite.Search.Embedded;

/// <summary>Hands a collector the matches of a very broad query that lie in evenly spread slices of every segment
/// instead of all of them: slices that together cover <c>fraction</c> of the segment's documents, so that every part of
/// the index — list entries imported first, penalties last — is in the sample, and the ranking, counts and facets drawn
/// from it are the same run to run and page to page. Stepping through a posting list costs ~20 ns a match in
/// Lucene.Net whatever the collector then does (and a filter checked per match does not shorten the walk), so only not
/// visiting matches bounds a query of 常州 over 5M records; the skip lists make the jump to the next slice cheap.</summary>
internal static class MatchSample
{
    private const int Slices = 64;

    /// <summary>Collects the matches in the slices.</summary>
    public static void Collect(IndexSearcher searcher, Query query, ICollector collector, double fraction)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
            {
                continue;
            }

            collector.SetNextReader(leaf);
            collector.SetScorer(scorer);
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var doc = scorer.DocID;
            for (var slice = 0; slice < Slices && doc != DocIdSetIterator.NO_MORE_DOCS; slice++)
            {
                var start = (int)((long)maxDoc * slice / Slices);
                var end = start + (int)Math.Ceiling((double)maxDoc / Slices * fraction);
                if (doc < start)
                {
                    doc = scorer.Advance(start);
                }

                for (; doc < end; doc = scorer.NextDoc())
                {
                    collector.Collect(doc);
                }
            }
        }
    }
}
