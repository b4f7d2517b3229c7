using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using CreditSite.Domain;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using LuceneField = Lucene.Net.Documents.Field;

namespace CreditSite.Search.Embedded;

/// <summary>Turns <see cref="SearchDocument"/>s into the Lucene fields of <see cref="IndexFields"/>, reusing one set of
/// <see cref="LuceneField"/> instances (and the stored copy's buffer) from document to document, as Lucene recommends
/// for bulk indexing. A fresh field builds a fresh token stream with its attributes on every use — a reflective lookup
/// under a global lock, a fifth of an import's index update on one thread (measured with bench/RecordIndexing); a
/// reused field keeps its stream. With a <see cref="NameWordsCache"/> (bulk loads), <c>name_words</c> replays a name's
/// cached SmartCn words instead of segmenting it again. Not thread-safe: one builder per indexing thread, and the fields
/// of one <see cref="Build"/> are valid until the next call.</summary>
internal sealed class LuceneDocumentBuilder : IDisposable
{
    /// <summary>Analysed text whose terms are only ever asked for one by one (<c>name_words</c>, <c>body</c>: term
    /// queries, scored by frequency and length, never phrases): without positions, which a phrase over
    /// <c>name_grams</c> alone needs. Scores are the same; the index is smaller and cheaper to write. Segments written
    /// before, with positions, are read and merged as they are (Lucene keeps the lesser option for the field).</summary>
    private static readonly FieldType WithoutPositions = Freeze(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private const string ReplayedPool = IndexFields.NameWords + " replayed";

    private readonly List<IIndexableField> _document = new(40);
    private readonly Dictionary<string, FieldPool> _pools = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _json = new(2048);
    private readonly Utf8JsonWriter _jsonWriter;
    private readonly BytesRef _storedBytes = new();
    private readonly NameWordsCache? _nameWords;

    public LuceneDocumentBuilder(NameWordsCache? nameWords = null)
    {
        _jsonWriter = new Utf8JsonWriter(_json);
        _nameWords = nameWords;
    }

    /// <summary>The fields of <paramref name="source"/>, in the order <see cref="IndexWriter.AddDocument(IEnumerable{IIndexableField})"/> expects them.</summary>
    public IReadOnlyList<IIndexableField> Build(SearchDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _document.Clear();
        foreach (var pool in _pools.Values)
        {
            pool.Used = 0;
        }

        Keyword(IndexFields.Id, source.Id);
        SortedValue(IndexFields.IdSort, source.Id);
        Keyword(IndexFields.Type, source.Type.Code());
        Keyword(IndexFields.ListKind, source.ListKind?.Code());
        Keyword(IndexFields.Field, source.Field);
        Keyword(IndexFields.Department, source.IssuingDepartment);
        Keyword(IndexFields.SubjectType, source.SubjectType?.Code());
        SortedValue(IndexFields.FacetKey, IndexFields.FacetKeyOf(source));
        Keyword(IndexFields.SubjectKey, source.SubjectKey);
        if (!string.IsNullOrEmpty(source.SubjectKey))
        {
            SortedValue(IndexFields.SubjectGroup, source.SubjectKey);
        }

        Keyword(IndexFields.Status, source.Status?.Code());
        Keyword(IndexFields.Uscc, source.Uscc);
        Keyword(IndexFields.ResidentIdHash, source.ResidentIdHash);
        Keyword(IndexFields.EntryId, source.EntryId);
        Keyword(IndexFields.DecisionNumber, source.DecisionNumber);
        Keyword(IndexFields.Category, source.Category);
        foreach (var penaltyType in source.PenaltyTypes ?? [])
        {
            Keyword(IndexFields.PenaltyType, penaltyType);
        }

        if (source.Withdrawn)
        {
            Keyword(IndexFields.Withdrawn, "1");
        }

        Day(IndexFields.Date, source.Date.DayNumber);
        Next(IndexFields.DateSort, static name => new NumericDocValuesField(name, 0L)).SetInt64Value(source.Date.DayNumber);
        if (source.PublicUntil is { } until)
        {
            Day(IndexFields.PublicUntil, until.DayNumber);
        }

        foreach (var name in IndexFields.Names(source))
        {
            NameWords(name);
            Text(IndexFields.NameGrams, name);
        }

        // The body, then the descriptive values a person may type (a department, a field, a decision number) unless
        // the body already says them: analysing them twice would only cost indexing time.
        if (!string.IsNullOrWhiteSpace(source.Body))
        {
            Body(source.Body);
        }

        foreach (var text in (ReadOnlySpan<string?>)[source.IssuingDepartment, source.Field, source.DecisionNumber, source.LegalBasis, source.Category])
        {
            if (!string.IsNullOrWhiteSpace(text) && !source.Body.Contains(text, StringComparison.Ordinal))
            {
                Body(text);
            }
        }

        _json.ResetWrittenCount();
        _jsonWriter.Reset();
        JsonSerializer.Serialize(_jsonWriter, source, StoredDocumentJson.Default.SearchDocument);
        // The stored fields writer copies the bytes while the document is added, so the buffer can be reused after.
        MemoryMarshal.TryGetArray(_json.WrittenMemory, out var written);
        _storedBytes.Bytes = written.Array!;
        _storedBytes.Offset = written.Offset;
        _storedBytes.Length = written.Count;
        Next(IndexFields.Stored, static name => new StoredField(name, new BytesRef())).SetBytesValue(_storedBytes);
        return _document;
    }

    private void Keyword(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Next(name, static n => new StringField(n, string.Empty, LuceneField.Store.NO)).SetStringValue(value);
        }
    }

    private void Text(string name, string value) =>
        Next(name, static n => new TextField(n, string.Empty, LuceneField.Store.NO)).SetStringValue(value);

    private void NameWords(string name)
    {
        if (_nameWords is null || name.Length > NameWordsCache.MaxNameLength)
        {
            Next(IndexFields.NameWords, static n => new LuceneField(n, string.Empty, WithoutPositions)).SetStringValue(name);
            return;
        }

        // A field given a token stream is indexed from it; the writer's analyser is not asked. Its own pool: a field
        // holding a stream would ignore the string value of the fallback above.
        var field = Next(IndexFields.NameWords, static n => new LuceneField(n, new ReplayedWords(), WithoutPositions), ReplayedPool);
        ((ReplayedWords)field.GetTokenStreamValue()).Load(_nameWords.Get(name));
    }

    private void Body(string value) =>
        Next(IndexFields.Body, static n => new LuceneField(n, string.Empty, WithoutPositions)).SetStringValue(value);

    private void Day(string name, int dayNumber) =>
        Next(name, static n => new Int32Field(n, 0, LuceneField.Store.NO)).SetInt32Value(dayNumber);

    private void SortedValue(string name, string value) =>
        Next(name, static n => new SortedDocValuesField(n, new BytesRef())).SetBytesValue(new BytesRef(value));

    public void Dispose() => _jsonWriter.Dispose();

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The next unused instance of a field for this document, made on first need.</summary>
    private LuceneField Next(string name, Func<string, LuceneField> create, string? poolName = null)
    {
        poolName ??= name;
        if (!_pools.TryGetValue(poolName, out var pool))
        {
            pool = new FieldPool();
            _pools.Add(poolName, pool);
        }

        if (pool.Used == pool.Fields.Count)
        {
            pool.Fields.Add(create(name));
        }

        var field = pool.Fields[pool.Used++];
        _document.Add(field);
        return field;
    }

    private sealed class FieldPool
    {
        public List<LuceneField> Fields { get; } = new(2);

        public int Used { get; set; }
    }
}
