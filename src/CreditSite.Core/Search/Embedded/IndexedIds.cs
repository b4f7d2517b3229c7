using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CreditSite.Search.Embedded;

/// <summary>Whether an index, as it was when a bulk load began, holds a document id (the load then writes that document
/// as an update, else as a plain add). One terms enumerator per segment, kept and reused from id to id:
/// <c>DirectoryReader.DocFreq</c> builds a new one in every segment for every call — 15 µs an id over the 8 segments a
/// 1.3M-document bulk load leaves, against 1 µs when reused (bench/RecordIndexing <c>lookups</c>), and a bulk load asks
/// once per document. Like <c>DocFreq</c>, an id counts as held while any segment has its term, deleted or not. For the
/// one thread that reads a bulk load's source.</summary>
internal sealed class IndexedIds : IDisposable
{
    private readonly DirectoryReader? _reader;
    private readonly TermsEnum[] _segments;
    private readonly BytesRef _id = new();

    public IndexedIds(Lucene.Net.Store.Directory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!DirectoryReader.IndexExists(directory))
        {
            _segments = [];
            return;
        }

        _reader = DirectoryReader.Open(directory);
        _segments = [.. _reader.Leaves
            .Select(leaf => leaf.AtomicReader.GetTerms(IndexFields.Id)?.GetEnumerator())
            .OfType<TermsEnum>()];
    }

    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_segments.Length == 0)
        {
            return false;
        }

        _id.CopyChars(id);
        foreach (var segment in _segments)
        {
            if (segment.SeekExact(_id))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _reader?.Dispose();
}
