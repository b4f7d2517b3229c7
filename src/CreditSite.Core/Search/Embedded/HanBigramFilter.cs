using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace CreditSite.Search.Embedded;

/// <summary>CJK bigrams (and, for names, single characters too) from the standard tokenizer's CJK tokens — the same
/// tokens, offsets, positions and types as Lucene's <c>CJKBigramFilter</c> over all four scripts (asserted token by
/// token against it in <c>HanBigramFilterTests</c>), cheaper to run. <c>CJKBigramFilter</c> copies every attribute of
/// the stream (a <c>CaptureState</c>, a clone of each attribute and its buffers) each time a run of CJK characters ends
/// before a word, a number or a gap, then copies it back: about a sixth of an import's indexing time
/// (bench/RecordIndexing). This filter reads a whole run of adjacent CJK characters, keeps the one token that ended it
/// in plain fields, and emits the run's grams from arrays.
/// <para>A run is a sequence of CJK tokens each starting where the previous one ended. From a run of characters
/// A B C: with single characters, A, AB, B, BC, C (a bigram at the position of its first character, spanning two); without,
/// AB, BC, and a run of one character is that character. Other tokens pass through unchanged.</para></summary>
internal sealed class HanBigramFilter : TokenFilter
{
    private const string Single = "<SINGLE>";
    private const string Double = "<DOUBLE>";

    private static readonly string[] CjkTypes =
    [
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL],
    ];

    private readonly bool _withSingles;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;

    // The current run: its code points with their offsets, and how far its grams have been emitted.
    private int[] _codePoints = new int[32];
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];
    private int _runLength;
    private int _next;
    private bool _bigramNext;

    // The token that ended the run, read ahead from the input and emitted after the run's grams.
    private bool _pending;
    private char[] _pendingTerm = new char[16];
    private int _pendingTermLength;
    private string _pendingType = string.Empty;
    private int _pendingStart;
    private int _pendingEnd;
    private int _pendingIncrement;
    private int _pendingLength;
    private bool _exhausted;

    public HanBigramFilter(TokenStream input, bool withSingles) : base(input)
    {
        _withSingles = withSingles;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (EmitGram())
            {
                return true;
            }

            if (!NextInput())
            {
                return false;
            }

            if (!IsCjk(_type.Type))
            {
                return true;
            }

            _runLength = 0;
            _next = 0;
            _bigramNext = false;
            Append();
            while (true)
            {
                if (!m_input.IncrementToken())
                {
                    _exhausted = true;
                    break;
                }

                if (IsCjk(_type.Type) && _offset.StartOffset == _ends[_runLength - 1])
                {
                    Append();
                    continue;
                }

                SavePending();
                break;
            }
        }
    }

    public override void Reset()
    {
        base.Reset();
        _runLength = 0;
        _next = 0;
        _bigramNext = false;
        _pending = false;
        _exhausted = false;
    }

    /// <summary>The run's next gram, if any is left.</summary>
    private bool EmitGram()
    {
        if (_next >= _runLength)
        {
            return false;
        }

        if (_runLength == 1)
        {
            // A lone character is its own token, with or without single characters.
            Emit(_next, 1, Single);
            _next++;
            return true;
        }

        if (!_withSingles)
        {
            if (_next == _runLength - 1)
            {
                _next = _runLength;
                return false;
            }

            Emit(_next, 2, Double);
            _next++;
            return true;
        }

        if (_bigramNext)
        {
            Emit(_next, 2, Double);
            _increment.PositionIncrement = 0;
            _length.PositionLength = 2;
            _bigramNext = false;
            _next++;
        }
        else
        {
            Emit(_next, 1, Single);
            _bigramNext = _next < _runLength - 1;
            if (!_bigramNext)
            {
                _next++;
            }
        }

        return true;
    }

    private void Emit(int at, int count, string type)
    {
        ClearAttributes();
        var buffer = _term.ResizeBuffer(4);
        WriteCodePoint(_codePoints[at], buffer, 0);
        var length = CharCount(_codePoints[at]);
        if (count == 2)
        {
            WriteCodePoint(_codePoints[at + 1], buffer, length);
            length += CharCount(_codePoints[at + 1]);
        }

        _term.Length = length;
        _offset.SetOffset(_starts[at], _ends[at + count - 1]);
        _type.Type = type;
    }

    /// <summary>Puts the next input token into the attributes: the one read ahead, or a new one.</summary>
    private bool NextInput()
    {
        if (_pending)
        {
            _pending = false;
            ClearAttributes();
            _term.CopyBuffer(_pendingTerm, 0, _pendingTermLength);
            _type.Type = _pendingType;
            _offset.SetOffset(_pendingStart, _pendingEnd);
            _increment.PositionIncrement = _pendingIncrement;
            _length.PositionLength = _pendingLength;
            return true;
        }

        if (_exhausted || !m_input.IncrementToken())
        {
            _exhausted = true;
            return false;
        }

        return true;
    }

    private void SavePending()
    {
        _pending = true;
        if (_pendingTerm.Length < _term.Length)
        {
            _pendingTerm = new char[_term.Length];
        }

        Array.Copy(_term.Buffer, _pendingTerm, _term.Length);
        _pendingTermLength = _term.Length;
        _pendingType = _type.Type;
        _pendingStart = _offset.StartOffset;
        _pendingEnd = _offset.EndOffset;
        _pendingIncrement = _increment.PositionIncrement;
        _pendingLength = _length.PositionLength;
    }

    /// <summary>Adds the current CJK token's code points to the run. When the token's offsets do not span its text (a
    /// width fold joined two characters), every code point gets the token's offsets, as in <c>CJKBigramFilter</c>.</summary>
    private void Append()
    {
        var text = _term.Buffer.AsSpan(0, _term.Length);
        var start = _offset.StartOffset;
        var end = _offset.EndOffset;
        var exact = end - start == text.Length;
        if (_codePoints.Length < _runLength + text.Length)
        {
            var size = Math.Max(_codePoints.Length * 2, _runLength + text.Length);
            Array.Resize(ref _codePoints, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }

        for (var i = 0; i < text.Length;)
        {
            var codePoint = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? char.ConvertToUtf32(text[i], text[i + 1])
                : text[i];
            var width = CharCount(codePoint);
            _codePoints[_runLength] = codePoint;
            _starts[_runLength] = exact ? start : _offset.StartOffset;
            _ends[_runLength] = exact ? start + width : end;
            start += width;
            _runLength++;
            i += width;
        }
    }

    private static bool IsCjk(string type)
    {
        foreach (var cjk in CjkTypes)
        {
            if (type == cjk)
            {
                return true;
            }
        }

        return false;
    }

    private static int CharCount(int codePoint) => codePoint >= 0x10000 ? 2 : 1;

    private static void WriteCodePoint(int codePoint, char[] buffer, int at)
    {
        if (codePoint >= 0x10000)
        {
            var value = codePoint - 0x10000;
            buffer[at] = (char)(0xD800 + (value >> 10));
            buffer[at + 1] = (char)(0xDC00 + (value & 0x3FF));
        }
        else
        {
            buffer[at] = (char)codePoint;
        }
    }
}
