using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CreditSite.Search.Embedded;

/// <summary>The SmartCn words (<c>name_words</c>) of recently indexed names, replayed as a token stream instead of
/// segmenting the name again. SmartCn was a quarter of a record's indexing CPU, and a bulk import indexes each name
/// once per record of its subject (5M records about ~600k subjects: ~8 times). One cache per bulk load, shared by its
/// indexing threads; bounded (an array of slots that grows with the names up to a bound, a name's slot chosen by its
/// hash, the newcomer replacing what was there) and lock-free: an entry is one immutable string and a slot one
/// reference, read and written whole.</summary>
internal sealed class NameWordsCache
{
    /// <summary>At most 2^20 slots: 8 MB of references, and one string of about 150 bytes for each name held (a
    /// 20-character name of 6 words; measured with bench/RecordIndexing's CACHE_MEMORY=1). The ~540k titles of the
    /// 5M-record set's licences would hold ~75 MB, keeping about four in five of them (the others lose their slot to a
    /// later name); with every slot full (a rebuild of millions of names), ~160 MB.</summary>
    public const int DefaultSlots = 1 << 20;

    /// <summary>Slots to start with: a small load (the site's synchroniser catching up a few changes) should not
    /// allocate the full array.</summary>
    private const int FirstSlots = 1 << 12;

    /// <summary>Longer names are analysed each time: an entry stores lengths and offsets as 16-bit characters.</summary>
    public const int MaxNameLength = 4_000;

    private readonly Analyzer _words;
    private readonly int _maxSlots;
    private readonly Lock _growing = new();
    private string?[] _slots;
    private int _misses;

    public NameWordsCache(Analyzer words, int slots = DefaultSlots)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), "A power of two.");
        }

        _words = words;
        _maxSlots = slots;
        _slots = new string?[Math.Min(slots, FirstSlots)];
    }

    /// <summary>The slots now (they grow with the names seen, up to the bound given).</summary>
    public int Slots => Volatile.Read(ref _slots).Length;

    /// <summary>The words of <paramref name="name"/> (at most <see cref="MaxNameLength"/> characters), from the cache
    /// or analysed now (on the calling thread, with the analyser's per-thread stream).</summary>
    public NameWords Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxNameLength);
        var slots = Volatile.Read(ref _slots);
        var hash = name.GetHashCode();
        ref var slot = ref slots[hash & (slots.Length - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && new NameWords(entry).Name.SequenceEqual(name))
        {
            return new NameWords(entry);
        }

        entry = Analyse(name);
        Volatile.Write(ref slot, entry);
        // As many new names as slots: four times the slots, the names held so far moved over. A thread still on the
        // old array only misses what the other put in the new one meanwhile.
        if (Interlocked.Increment(ref _misses) >= slots.Length && slots.Length < _maxSlots)
        {
            Grow(slots);
        }

        return new NameWords(entry);
    }

    private void Grow(string?[] slots)
    {
        lock (_growing)
        {
            if (!ReferenceEquals(_slots, slots))
            {
                return;
            }

            var larger = new string?[Math.Min(_maxSlots, slots.Length * 4)];
            foreach (var entry in slots)
            {
                if (entry is not null)
                {
                    larger[string.GetHashCode(new NameWords(entry).Name) & (larger.Length - 1)] = entry;
                }
            }

            Volatile.Write(ref _slots, larger);
            _misses = 0;
        }
    }

    /// <summary>Layout, one character per number: name length, word count, final increment, final offset; the name;
    /// per word its length, position increment, start and end offset; the words' characters one after another.</summary>
    private string Analyse(string name)
    {
        var words = new List<char>(name.Length + 8);
        var numbers = new List<char>(32);
        using var stream = _words.GetTokenStream(IndexFields.NameWords, name);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.AddRange(term.Buffer.AsSpan(0, term.Length));
            numbers.Add(Char(term.Length));
            numbers.Add(Char(increment.PositionIncrement));
            numbers.Add(Char(offset.StartOffset));
            numbers.Add(Char(offset.EndOffset));
        }

        // End() reports what trails the last word: the text's length as the final offset, and the positions of words
        // left out at the end (punctuation the stop filter dropped) as the final increment.
        stream.End();
        Span<char> head = [Char(name.Length), Char(numbers.Count / 4), Char(increment.PositionIncrement), Char(offset.EndOffset)];
        return string.Concat(head, name, CollectionsMarshal.AsSpan(numbers), CollectionsMarshal.AsSpan(words));
    }

    // Every number is at most a few times the name's length (MaxNameLength), far below 65,536.
    private static char Char(int value) => checked((char)value);
}

/// <summary>One name's cached words (see <see cref="NameWordsCache"/> for the layout).</summary>
internal readonly struct NameWords(string entry)
{
    public ReadOnlySpan<char> Name => entry.AsSpan(4, entry[0]);

    public int Count => entry[1];

    public int FinalIncrement => entry[2];

    public int FinalOffset => entry[3];

    /// <summary>Word <paramref name="index"/>'s increment, offsets and characters; <paramref name="from"/> is where its
    /// characters start: 0 for the first word, then the previous word's end (words are read in order).</summary>
    public (int Increment, int Start, int End, ReadOnlyMemory<char> Word) Word(int index, int from)
    {
        var at = 4 + entry[0] + (index * 4);
        var words = 4 + entry[0] + (Count * 4);
        return (entry[at + 1], entry[at + 2], entry[at + 3], entry.AsMemory(words + from, entry[at]));
    }
}

/// <summary>Replays <see cref="NameWords"/> as the token stream SmartCn gave: the same terms, position increments and
/// offsets, and the same final increment and offset at <see cref="End"/>. One per field instance, loaded with the next
/// name before the document is added.</summary>
internal sealed class ReplayedWords : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private NameWords _words;
    private int _next;
    private int _from;

    public ReplayedWords()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public void Load(NameWords words) => _words = words;

    public override void Reset()
    {
        base.Reset();
        _next = 0;
        _from = 0;
    }

    public override bool IncrementToken()
    {
        if (_next == _words.Count)
        {
            return false;
        }

        ClearAttributes();
        var (increment, start, end, word) = _words.Word(_next++, _from);
        _from += word.Length;
        _term.SetEmpty();
        word.Span.CopyTo(_term.ResizeBuffer(word.Length));
        _term.Length = word.Length;
        _increment.PositionIncrement = increment;
        _offset.SetOffset(start, end);
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _words.FinalIncrement;
        _offset.SetOffset(_words.FinalOffset, _words.FinalOffset);
    }
}
