using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace CreditSite.Search.Embedded;

/// <summary>Lucene's <see cref="StandardTokenizer"/> with one gap closed: its Unicode 6.3 tables do not know the CJK
/// extensions added since (E, F, G, H, I — 𬌗 is extension E, 𰻞 extension G) and silently drop them, so a name holding
/// one could not be found by that character. Here every character of the supplementary ideographic planes (2 and 3)
/// becomes an ideographic token of its own, which <c>CJKBigramFilter</c> pairs with its neighbours as usual; the text
/// between them goes through the standard tokenizer unchanged.</summary>
internal sealed class HanTokenizer : Tokenizer
{
    private static readonly string Ideographic = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _increment;

    private string _text = string.Empty;
    private int _next;
    private int _segmentStart;
    private bool _inSegment;

    // One standard tokenizer for the life of this one, re-pointed at each stretch of text: building a new one per
    // stretch allocated its scanner buffers every time a field was analysed (highlighting analyses every hit).
    private Segment? _segment;

    public HanTokenizer(TextReader reader) : base(reader)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (true)
        {
            if (_inSegment && _segment is { } segment)
            {
                if (segment.Tokenizer.IncrementToken())
                {
                    _term.CopyBuffer(segment.Term.Buffer, 0, segment.Term.Length);
                    _offset.SetOffset(CorrectOffset(_segmentStart + segment.Offset.StartOffset), CorrectOffset(_segmentStart + segment.Offset.EndOffset));
                    _type.Type = segment.Type.Type;
                    _increment.PositionIncrement = segment.Increment.PositionIncrement;
                    return true;
                }

                segment.Close();
                _inSegment = false;
            }

            if (_next >= _text.Length)
            {
                return false;
            }

            if (IsSupplementaryIdeograph(_text, _next))
            {
                _term.CopyBuffer(_text.ToCharArray(_next, 2), 0, 2);
                _offset.SetOffset(CorrectOffset(_next), CorrectOffset(_next + 2));
                _type.Type = Ideographic;
                _increment.PositionIncrement = 1;
                _next += 2;
                return true;
            }

            var end = _next;
            while (end < _text.Length && !IsSupplementaryIdeograph(_text, end))
            {
                end++;
            }

            _segmentStart = _next;
            _segment ??= new Segment();
            // Most text has no supplementary ideograph at all: then the one stretch is the whole text, not a copy.
            _segment.Open(_next == 0 && end == _text.Length ? _text : _text[_next..end]);
            _inSegment = true;
            _next = end;
        }
    }

    public override void Reset()
    {
        base.Reset();
        if (_inSegment)
        {
            _segment!.Close();
            _inSegment = false;
        }

        // Lucene.NET's reader over an empty string gives null here.
        _text = m_input.ReadToEnd() ?? string.Empty;
        _next = 0;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inSegment)
        {
            _segment!.Close();
            _inSegment = false;
        }

        base.Dispose(disposing);
    }

    /// <summary>Planes 2 and 3 hold nothing but CJK ideographs (extensions B–I and the compatibility supplement).</summary>
    private static bool IsSupplementaryIdeograph(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
        && char.ConvertToUtf32(text[i], text[i + 1]) is >= 0x20000 and <= 0x3FFFF;

    /// <summary>The standard tokenizer over one stretch of text without supplementary ideographs at a time.</summary>
    private sealed class Segment
    {
        public Segment()
        {
            Tokenizer = new StandardTokenizer(SearchAnalysis.Version, new StringReader(string.Empty));
            Term = Tokenizer.AddAttribute<ICharTermAttribute>();
            Offset = Tokenizer.AddAttribute<IOffsetAttribute>();
            Type = Tokenizer.AddAttribute<ITypeAttribute>();
            Increment = Tokenizer.AddAttribute<IPositionIncrementAttribute>();
            // Lucene's life cycle: a tokenizer is closed before it is given its next reader.
            Tokenizer.Dispose();
        }

        public StandardTokenizer Tokenizer { get; }

        public ICharTermAttribute Term { get; }

        public IOffsetAttribute Offset { get; }

        public ITypeAttribute Type { get; }

        public IPositionIncrementAttribute Increment { get; }

        public void Open(string text)
        {
            Tokenizer.SetReader(new StringReader(text));
            Tokenizer.Reset();
        }

        public void Close()
        {
            Tokenizer.End();
            Tokenizer.Dispose();
        }
    }
}
