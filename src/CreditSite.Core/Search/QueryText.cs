using System.Text;

namespace CreditSite.Search;

/// <summary>The one cleaner for text a person types into any search box — the pages, <c>GET /api/v1/search</c> and
/// both engines use it, so a query means the same everywhere. Valid surrogate pairs stay: Chinese names use characters
/// of the CJK extensions B–H outside the Basic Multilingual Plane (𠀀 𪚥 𬌗 𰻞), which GB 18030-2022 makes mandatory.
/// Lone surrogate halves, control characters, U+FFFD and byte-order marks become spaces; at most
/// <see cref="MaxLength"/> characters are kept (a supplementary character counts once and is never cut in half).</summary>
public static class QueryText
{
    /// <summary>Nobody types more into a query box; longer input is cut, which bounds the size of a query.</summary>
    public const int MaxLength = 100;

    /// <summary>The cleaned text, trimmed; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength * 2));
        var characters = 0;
        for (var i = 0; i < text.Length && characters < MaxLength; i++, characters++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) || char.IsControl(c) || c is '\uFFFD' or '\uFEFF' ? ' ' : c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
