namespace CreditSite.Identifiers;

/// <summary>Which rule an identifier broke, so the message can say exactly that.</summary>
public enum IdentifierRule
{
    None,
    Empty,
    Length,
    Alphabet,
    OrganisationCheck,
    CheckCharacter,
    BirthDate,
}

/// <summary>The outcome of parsing an identifier typed by a person.</summary>
public sealed record IdentifierParseResult<T>(T? Value, IdentifierRule FailedRule, string? Message, char? ExpectedCheckCharacter)
    where T : struct
{
    public bool IsValid => FailedRule == IdentifierRule.None && Value is not null;

    internal static IdentifierParseResult<T> Ok(T value) => new(value, IdentifierRule.None, null, null);

    internal static IdentifierParseResult<T> Fail(IdentifierRule rule, string message, char? expected = null) =>
        new(null, rule, message, expected);
}
