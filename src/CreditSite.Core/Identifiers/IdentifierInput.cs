using System.Text;

namespace CreditSite.Identifiers;

/// <summary>Normalises what people type: trims (including full-width spaces), folds full-width
/// letters and digits to half-width, and upper-cases.</summary>
public static class IdentifierInput
{
    public static string Normalise(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            var ch = c;
            if (ch == '\u3000')
            {
                ch = ' ';
            }
            else if (ch >= '\uFF01' && ch <= '\uFF5E')
            {
                // Full-width ASCII block maps onto ASCII by a fixed offset.
                ch = (char)(ch - 0xFEE0);
            }

            if (char.IsWhiteSpace(ch) || ch == '-')
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(ch));
        }

        return builder.ToString();
    }
}
