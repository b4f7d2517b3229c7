using System.Text;

namespace CreditSite.Search.Embedded;

/// <summary>Builds <see cref="SearchHit.TitleHtml"/> and <see cref="SearchHit.SnippetHtml"/>: the text HTML-encoded,
/// with <c>&lt;mark&gt;</c> around the query's terms as the analyser finds them in the text.</summary>
internal sealed class HitHighlighter(SearchAnalysis analysis)
{
    public const int SnippetLength = 120;

    /// <summary>How much text to show before the first match, so the match reads in context.</summary>
    private const int LeadIn = 20;

    public string Title(string title, IReadOnlySet<string> terms)
    {
        var builder = new StringBuilder(title.Length + 16);
        AppendMarked(builder, title, 0, title.Length, analysis.MatchRanges(title, terms));
        return builder.ToString();
    }

    /// <summary>About <see cref="SnippetLength"/> characters of the body around its first match, or its start.</summary>
    public string Snippet(string body, IReadOnlySet<string> terms)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var ranges = analysis.MatchRanges(body, terms);
        var start = 0;
        if (ranges.Count > 0 && body.Length > SnippetLength)
        {
            start = Math.Clamp(ranges[0].Start - LeadIn, 0, body.Length - SnippetLength);
        }

        var end = Math.Min(body.Length, start + SnippetLength);

        // Never cut a surrogate pair in half.
        if (start > 0 && char.IsLowSurrogate(body[start]))
        {
            start--;
        }

        if (end < body.Length && char.IsLowSurrogate(body[end]))
        {
            end++;
        }

        var builder = new StringBuilder(SnippetLength + 32);
        if (start > 0)
        {
            builder.Append('…');
        }

        AppendMarked(builder, body, start, end, ranges);
        if (end < body.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    private static void AppendMarked(StringBuilder builder, string text, int start, int end, List<(int Start, int End)> ranges)
    {
        var position = start;
        foreach (var (matchStart, matchEnd) in ranges)
        {
            var from = Math.Max(matchStart, start);
            var to = Math.Min(matchEnd, end);
            if (to <= from || from < position)
            {
                continue;
            }

            HtmlText.Append(builder, text.AsSpan(position, from - position));
            builder.Append("<mark>");
            HtmlText.Append(builder, text.AsSpan(from, to - from));
            builder.Append("</mark>");
            position = to;
        }

        HtmlText.Append(builder, text.AsSpan(position, end - position));
    }
}

/// <summary>HTML encoding for text shown inside an element: the five special characters become entities, runs of
/// white space one space, control characters vanish and lone surrogates become U+FFFD.</summary>
internal static class HtmlText
{
    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        if (builder.Length > 0 && builder[^1] != ' ')
                        {
                            builder.Append(' ');
                        }
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
