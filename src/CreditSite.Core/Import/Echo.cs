namespace CreditSite.Import;

/// <summary>Cell text quoted back in a message: cut short, and any run of 15 or more digits masked so that an ID
/// number typed into the wrong column is not echoed in full.</summary>
internal static class Echo
{
    public static string Safe(string value)
    {
        // Mask before cutting, so a cut cannot leave most of a number unmasked at the end.
        var text = ContainsLongDigitRun(value) ? MaskDigitRuns(value) : value;
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static bool ContainsLongDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 15)
            {
                return true;
            }
        }

        return false;
    }

    private static string MaskDigitRuns(string text)
    {
        var chars = text.ToCharArray();
        var start = -1;
        for (var i = 0; i <= chars.Length; i++)
        {
            var digit = i < chars.Length && char.IsAsciiDigit(chars[i]);
            if (digit && start < 0)
            {
                start = i;
            }
            else if (!digit && start >= 0)
            {
                if (i - start >= 15)
                {
                    for (var j = start + 6; j < i - 4; j++)
                    {
                        chars[j] = '*';
                    }
                }

                start = -1;
            }
        }

        return new string(chars);
    }
}
