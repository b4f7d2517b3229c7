using System.Globalization;

namespace CreditSite.Identifiers;

/// <summary>居民身份证号码 (GB 11643-1999). Never shown in full on a public surface: use <see cref="Masked"/>,
/// and match it through <see cref="ResidentIdHasher"/>.</summary>
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    /// <summary>The full number. Only for hashing and masking; never render or log it.</summary>
    public string Value { get; }

    /// <summary>First 6 and last 4 kept: <c>320402********0012</c>.</summary>
    public string Masked => Mask(Value);

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public override string ToString() => Masked;

    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 18 ? string.Concat(value.AsSpan(0, 6), "********", value.AsSpan(14, 4)) : new string('*', value.Length);
    }

    /// <summary>True when the input has the shape of a resident ID: 17 digits followed by a digit or X.</summary>
    public static bool LooksLikeCandidate(string? input)
    {
        var s = IdentifierInput.Normalise(input);
        return s.Length == 18 && s.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') is false && (char.IsAsciiDigit(s[17]) || s[17] == 'X');
    }

    public static IdentifierParseResult<ResidentIdNumber> Parse(string? input)
    {
        var s = IdentifierInput.Normalise(input);
        if (s.Length == 0)
        {
            return IdentifierParseResult<ResidentIdNumber>.Fail(IdentifierRule.Empty, "请输入居民身份证号码。");
        }

        if (s.Length != 18)
        {
            return IdentifierParseResult<ResidentIdNumber>.Fail(IdentifierRule.Length, $"居民身份证号码应为18位，当前为{s.Length}位。");
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return IdentifierParseResult<ResidentIdNumber>.Fail(IdentifierRule.Alphabet, $"居民身份证号码前17位应为数字，第{i + 1}位不是。");
            }
        }

        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X')
        {
            return IdentifierParseResult<ResidentIdNumber>.Fail(IdentifierRule.Alphabet, "居民身份证号码第18位应为数字或 X。");
        }

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900
            // Not born yet: without this bound a genuine all-digit USCC ending in X (digits 7-14 read as a date in the year 8159)
            // passes as an ID number, and the import's privacy check refuses the company's licence.
            || birth > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
        {
            return IdentifierParseResult<ResidentIdNumber>.Fail(IdentifierRule.BirthDate, "居民身份证号码第7至14位不是有效的出生日期。");
        }

        var check = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != check)
        {
            // The expected character is deliberately not echoed with the rest of the number: the message names the rule.
            return IdentifierParseResult<ResidentIdNumber>.Fail(IdentifierRule.CheckCharacter,
                $"居民身份证号码的校验码（GB 11643）不正确：第18位应为“{check}”。", check);
        }

        return IdentifierParseResult<ResidentIdNumber>.Ok(new ResidentIdNumber(s));
    }

    public static bool TryParse(string? input, out ResidentIdNumber number)
    {
        var result = Parse(input);
        number = result.Value ?? default;
        return result.IsValid;
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Builds a valid number from 17 digits. Used by the demo-data generator and tests.</summary>
    public static ResidentIdNumber Complete(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        return new ResidentIdNumber(first17 + CheckCharacter(first17));
    }
}
