using Lucene.Net.Index;

namespace CreditSite.Search.Embedded;

/// <summary>Every live document of each subject, by its global ordinal (<see cref="SubjectOrdinals"/>), built once per
/// reader snapshot from the segments' subject ordinals (two arrays: 4 bytes a document and a subject). The page's
/// subjects' documents are then read from an array: a query over the page's subject keys cost a term lookup per key
/// and segment, a weight and a lookup of each key in the doc values — a quarter of an uncached search's CPU at 5M
/// records (docs/benchmarks.md).</summary>
internal sealed class SubjectDocuments
{
    private readonly int[] _starts;
    private readonly int[] _docs;

    private SubjectDocuments(int[] starts, int[] docs)
    {
        _starts = starts;
        _docs = docs;
    }

    public static SubjectDocuments Of(IndexReader reader, SubjectOrdinals ordinals)
    {
        var starts = new int[ordinals.Count + 1];
        foreach (var leaf in reader.Leaves)
        {
            ForEachLiveDocument(leaf, ordinals, (subject, _) => starts[subject + 1]++);
        }

        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }

        var docs = new int[starts[^1]];
        var next = starts[..^1];
        foreach (var leaf in reader.Leaves)
        {
            ForEachLiveDocument(leaf, ordinals, (subject, doc) => docs[next[subject]++] = doc);
        }

        return new SubjectDocuments(starts, docs);
    }

    /// <summary>The subject's live documents (index-wide numbers), in index order.</summary>
    public ReadOnlySpan<int> Of(int subject) => _docs.AsSpan(_starts[subject], _starts[subject + 1] - _starts[subject]);

    private static void ForEachLiveDocument(AtomicReaderContext leaf, SubjectOrdinals ordinals, Action<int, int> action)
    {
        var subjects = SegmentSubjects.Of(leaf.AtomicReader);
        var live = leaf.AtomicReader.LiveDocs;
        for (var doc = 0; doc < subjects.Ords.Length; doc++)
        {
            var ord = subjects.Ords[doc];
            if (ord >= 0 && (live is null || live.Get(doc)))
            {
                action(ordinals.Global(leaf.Ord, ord), leaf.DocBase + doc);
            }
        }
    }
}
