using System.Globalization;
using System.Text;
using CreditSite.Search;

namespace CreditSite.Web.Features.Search;

/// <summary>Whether a hit was found by one of the subject's former names (曾用名) rather than its name: the result then
/// says so, or a person who typed the old name would wonder why another company came back.</summary>
public static class FormerNameMatch
{
    /// <summary>The view-data key under which a page hands the visitor's query text to the result partial.</summary>
    public const string QueryTextKey = "SearchQueryText";

    /// <summary>The former name the query matched, or null when the query matches the current name (or no former name).
    /// Both sides are compared cleaned the way the query box cleans them, without spaces, full-width forms folded.</summary>
    public static string? Of(SearchDocument document, string? query)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.FormerNames is { Count: > 0 } formerNames ? Of(document.SubjectName ?? document.Title, formerNames, query) : null;
    }

    /// <summary>The former name among <paramref name="formerNames"/> that the query matched, or null when the query
    /// matches <paramref name="currentName"/> (or none of them).</summary>
    public static string? Of(string currentName, IReadOnlyCollection<string> formerNames, string? query)
    {
        ArgumentNullException.ThrowIfNull(formerNames);
        if (formerNames.Count == 0 || Comparable(QueryText.Clean(query)) is not { Length: > 0 } wanted || Matches(currentName, wanted))
        {
            return null;
        }

        return formerNames.FirstOrDefault(name => Matches(name, wanted));
    }

    private static bool Matches(string name, string wanted)
    {
        var candidate = Comparable(name);
        return candidate.Length > 0 && (candidate.Contains(wanted, StringComparison.Ordinal) || wanted.Contains(candidate, StringComparison.Ordinal));
    }

    private static string Comparable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string folded;
        try
        {
            folded = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A malformed character: compare the text as it is.
            folded = text;
        }

        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
