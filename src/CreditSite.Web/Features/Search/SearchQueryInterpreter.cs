using CreditSite.Identifiers;
using CreditSite.Search;

namespace CreditSite.Web.Features.Search;

public enum QueryKind
{
    /// <summary>No text: browse everything in public view.</summary>
    Browse,
    Text,
    Uscc,
    ResidentId,

    /// <summary>Shaped like an identifier but failing one of its checks: we say which, rather than search.</summary>
    InvalidIdentifier,
}

/// <summary>What a person's query means. <see cref="Display"/> is safe to show: a resident ID appears only masked.</summary>
public sealed record InterpretedQuery(QueryKind Kind, string Text, IdentifierFilter? Identifier, string? Message, string Display)
{
    public bool IsIdentifier => Kind is QueryKind.Uscc or QueryKind.ResidentId;
}

/// <summary>Decides whether the text of a one-stop query is a USCC, a resident ID number, a broken identifier, or
/// free text (DESIGN.md, "Query semantics").</summary>
public sealed class SearchQueryInterpreter(ResidentIdHasher hasher)
{
    public InterpretedQuery Interpret(string? raw)
    {
        var text = QueryText.Clean(raw);
        if (text is null)
        {
            return new InterpretedQuery(QueryKind.Browse, string.Empty, null, null, string.Empty);
        }

        var compact = IdentifierInput.Normalise(text);
        var asPerson = ResidentIdNumber.LooksLikeCandidate(compact) ? ResidentIdNumber.Parse(compact) : null;
        if (asPerson is { IsValid: true })
        {
            return new InterpretedQuery(QueryKind.ResidentId, string.Empty,
                new IdentifierFilter(null, hasher.Hash(asPerson.Value!.Value)), null, ResidentIdNumber.Mask(compact));
        }

        // An all-digit USCC (e.g. 914403001922038216) has the shape of a resident ID too: try it as a USCC before
        // reporting a broken ID number.
        var asOrganisation = LooksLikeUscc(compact) ? UnifiedSocialCreditCode.Parse(compact) : null;
        if (asOrganisation is { IsValid: true })
        {
            var code = asOrganisation.Value!.Value.Value;
            return new InterpretedQuery(QueryKind.Uscc, string.Empty, new IdentifierFilter(code, null), null, code);
        }

        if (asPerson is not null && asPerson.FailedRule != IdentifierRule.BirthDate)
        {
            return new InterpretedQuery(QueryKind.InvalidIdentifier, string.Empty, null, asPerson.Message, ResidentIdNumber.Mask(compact));
        }

        if (asOrganisation is not null)
        {
            return new InterpretedQuery(QueryKind.InvalidIdentifier, string.Empty, null, asOrganisation.Message, compact);
        }

        return new InterpretedQuery(QueryKind.Text, text, null, null, text);
    }

    /// <summary>18 letters/digits whose positions 3..8 are digits (the administrative division code): a real USCC
    /// always has that shape, an English word of 18 letters does not.</summary>
    private static bool LooksLikeUscc(string compact) =>
        compact.Length == 18
        && compact.All(char.IsAsciiLetterOrDigit)
        && compact.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9') is false;
}
