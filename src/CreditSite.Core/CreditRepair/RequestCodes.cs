using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.CreditRepair;

/// <summary>受理编号 and 查询码. Both random parts come from the operating system's cryptographic generator, so neither
/// can be guessed from another request's.</summary>
public static class RequestCodes
{
    private const int NumberRandomLength = 8;
    private const int QueryCodeLength = 8;

    /// <summary>XF (信用修复) or YY (异议), the day in China Standard Time, 8 random characters: <c>XF20261207K7QW3M2R</c>.</summary>
    public static string NewNumber(RequestKind kind, DateTimeOffset at) =>
        (kind == RequestKind.Repair ? "XF" : "YY")
        + at.ToOffset(CreditCalendar.ChinaStandardTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
        + Random(NumberRandomLength);

    /// <summary>8 characters of the USCC alphabet (about 39 bits; /requests/status is throttled).</summary>
    public static string NewQueryCode() => Random(QueryCodeLength);

    /// <summary>What the store keeps instead of the query code.</summary>
    public static string HashQueryCode(string number, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat("request:", Normalise(number), ":", Normalise(code)))));

    /// <summary>Accepts what a person types: lower case, spaces and dashes, full-width characters.</summary>
    public static string Normalise(string? input) => IdentifierInput.Normalise(input);

    private static string Random(int length) => new(RandomNumberGenerator.GetItems<char>(UnifiedSocialCreditCode.Alphabet, length));
}
