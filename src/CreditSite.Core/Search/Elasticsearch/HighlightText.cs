using System.Net;
using System.Text;

namespace CreditSite.Search.Elasticsearch;

/// <summary>Turns the highlighter's output (HTML-encoded text whose only markup is <c>&lt;mark&gt;</c>) into the title
/// and snippet a hit shows. The snippet is cut here rather than by Elasticsearch's passage logic, so it is about
/// <see cref="DocumentQuery.SnippetLength"/> characters around the first match whatever the body looks like.</summary>
internal static class HighlightText
{
    private const string Open = "<mark>";
    private const string Close = "</mark>";

    /// <summary>Characters of context kept before the first match.</summary>
    private const int Lead = 20;

    /// <summary>Marks on adjacent terms (SmartCn words, bigrams) joined into one.</summary>
    public static string JoinAdjacentMarks(string html) => html.Replace(Close + Open, string.Empty, StringComparison.Ordinal);

    public static bool HasMark(string? html) => html is not null && html.Contains(Open, StringComparison.Ordinal);

    /// <summary>The start of a body without matches, encoded.</summary>
    public static string Start(string text, int length) =>
        text.Length <= length ? WebUtility.HtmlEncode(text) : WebUtility.HtmlEncode(text[..length]) + "…";

    /// <summary>A window of about <paramref name="length"/> visible characters of <paramref name="html"/>, starting a
    /// little before the first mark; marks cut by the window are closed, entities never split.</summary>
    public static string Around(string html, int length)
    {
        var units = Units(html);
        var visible = units.Count(u => u.Kind == Unit.Text);
        var firstMark = 0;
        foreach (var unit in units)
        {
            if (unit.Kind == Unit.Open)
            {
                break;
            }

            if (unit.Kind == Unit.Text)
            {
                firstMark++;
            }
        }

        var start = Math.Max(0, Math.Min(firstMark - Lead, visible - length));
        var end = Math.Min(visible, start + length);
        var builder = new StringBuilder(html.Length);
        if (start > 0)
        {
            builder.Append('…');
        }

        var index = 0;
        var open = false;
        foreach (var (text, kind) in units)
        {
            var inside = index >= start && index < end;
            switch (kind)
            {
                case Unit.Text:
                    if (inside)
                    {
                        builder.Append(text);
                    }

                    index++;
                    break;
                case Unit.Open when inside:
                    builder.Append(Open);
                    open = true;
                    break;
                case Unit.Close when open:
                    builder.Append(Close);
                    open = false;
                    break;
            }
        }

        if (open)
        {
            builder.Append(Close);
        }

        if (end < visible)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    private enum Unit
    {
        Text,
        Open,
        Close,
    }

    /// <summary>Tags, entities (<c>&amp;lt;</c>), surrogate pairs and single characters, in order.</summary>
    private static List<(string Text, Unit Kind)> Units(string html)
    {
        var units = new List<(string, Unit)>(html.Length);
        for (var i = 0; i < html.Length;)
        {
            if (string.CompareOrdinal(html, i, Open, 0, Open.Length) == 0)
            {
                units.Add((Open, Unit.Open));
                i += Open.Length;
            }
            else if (string.CompareOrdinal(html, i, Close, 0, Close.Length) == 0)
            {
                units.Add((Close, Unit.Close));
                i += Close.Length;
            }
            else
            {
                var semicolon = html[i] == '&' ? html.IndexOf(';', i, Math.Min(12, html.Length - i)) : -1;
                var size = semicolon > i ? semicolon - i + 1
                    : char.IsHighSurrogate(html[i]) && i + 1 < html.Length && char.IsLowSurrogate(html[i + 1]) ? 2
                    : 1;
                units.Add((html.Substring(i, size), Unit.Text));
                i += size;
            }
        }

        return units;
    }
}
