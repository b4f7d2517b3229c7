namespace CreditSite.Identifiers;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the 9 characters at positions 9..17 being the
/// organisation code of GB 11714 with its own check character, and a final check character over all 17.</summary>
public readonly record struct UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>登记管理部门代码 (position 1).</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>行政区划码 (positions 3..8), e.g. 320402 for 天宁区.</summary>
    public string DivisionCode => Value.Substring(2, 6);

    /// <summary>组织机构代码 (positions 9..17).</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    public override string ToString() => Value;

    /// <summary>True when the input, once normalised, has the shape of a USCC (18 letters and digits), so a failed
    /// check deserves an identifier message rather than a full-text search.</summary>
    public static bool LooksLikeCandidate(string? input)
    {
        var s = IdentifierInput.Normalise(input);
        return s.Length == 18 && s.All(char.IsAsciiLetterOrDigit) && !ResidentIdNumber.LooksLikeCandidate(s);
    }

    public static IdentifierParseResult<UnifiedSocialCreditCode> Parse(string? input)
    {
        var s = IdentifierInput.Normalise(input);
        if (s.Length == 0)
        {
            return IdentifierParseResult<UnifiedSocialCreditCode>.Fail(IdentifierRule.Empty, "请输入统一社会信用代码。");
        }

        if (s.Length != 18)
        {
            return IdentifierParseResult<UnifiedSocialCreditCode>.Fail(IdentifierRule.Length,
                $"统一社会信用代码应为18位，当前为{s.Length}位。");
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (Alphabet.IndexOf(s[i], StringComparison.Ordinal) < 0)
            {
                return IdentifierParseResult<UnifiedSocialCreditCode>.Fail(IdentifierRule.Alphabet,
                    $"第{i + 1}位字符“{s[i]}”不在统一社会信用代码的字符集中（不使用 I、O、S、V、Z）。");
            }
        }

        var organisationCheck = OrganisationCheckCharacter(s.AsSpan(8, 8));
        if (s[16] != organisationCheck)
        {
            return IdentifierParseResult<UnifiedSocialCreditCode>.Fail(IdentifierRule.OrganisationCheck,
                $"第9至17位组织机构代码的校验码（GB 11714）不正确：第17位应为“{organisationCheck}”，实为“{s[16]}”。",
                organisationCheck);
        }

        var check = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != check)
        {
            return IdentifierParseResult<UnifiedSocialCreditCode>.Fail(IdentifierRule.CheckCharacter,
                $"统一社会信用代码的校验码（GB 32100）不正确：第18位应为“{check}”，实为“{s[17]}”。", check);
        }

        return IdentifierParseResult<UnifiedSocialCreditCode>.Ok(new UnifiedSocialCreditCode(s));
    }

    public static bool TryParse(string? input, out UnifiedSocialCreditCode code)
    {
        var result = Parse(input);
        code = result.Value ?? default;
        return result.IsValid;
    }

    /// <summary>The GB 32100 check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the USCC alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>The GB 11714 check character for the first 8 characters of an organisation code.</summary>
    public static char OrganisationCheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            throw new ArgumentException("Eight characters are needed.", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            // GB 11714 values: digits 0-9, letters A=10 … Z=35.
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganisationWeights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    /// <summary>Builds a valid code from its first 16 characters (the organisation check and the final check are
    /// computed). Used by the demo-data generator and tests.</summary>
    public static UnifiedSocialCreditCode Complete(string first16)
    {
        ArgumentNullException.ThrowIfNull(first16);
        if (first16.Length != 16)
        {
            throw new ArgumentException("Sixteen characters are needed.", nameof(first16));
        }

        var withOrg = first16 + OrganisationCheckCharacter(first16.AsSpan(8, 8));
        return new UnifiedSocialCreditCode(withOrg + CheckCharacter(withOrg));
    }
}
