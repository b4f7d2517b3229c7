using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.Reports;

/// <summary>Report numbers, verification codes, grant codes and the opaque ids used in URLs. Every random part comes
/// from the operating system's cryptographic generator, so no id can be guessed from another.</summary>
public static class ReportCodes
{
    private const int NumberRandomLength = 8;
    private const int GrantCodeLength = 16;
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(UnifiedSocialCreditCode.Alphabet);

    /// <summary>Issue time in China Standard Time (<c>yyyyMMddHHmmss</c>) followed by 8 random characters from the
    /// USCC alphabet: 22 characters, e.g. <c>20250301093015K7QW3M2R</c>.</summary>
    public static string NewReportNumber(DateTimeOffset issuedAt) =>
        issuedAt.ToOffset(CreditCalendar.ChinaStandardTime).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + RandomCharacters(NumberRandomLength);

    /// <summary>16 random characters (about 79 bits): what a subject hands to the requester of a grant.</summary>
    public static string NewGrantCode() => RandomCharacters(GrantCodeLength);

    /// <summary>128 random bits, base64url: the id of a report or grant in a URL.</summary>
    public static string NewOpaqueId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>What the store keeps instead of a verification code: SHA-256 over the number and the code, so a
    /// leaked table gives neither the codes nor one precomputed table for all reports.</summary>
    public static string HashVerificationCode(string number, string code) =>
        Sha256Hex(string.Concat(Normalise(number), ":", Normalise(code)));

    /// <summary>What the store keeps instead of a grant code.</summary>
    public static string HashGrantCode(string code) => Sha256Hex("grant:" + Normalise(code));

    /// <summary>Accepts what a person types: lower case, spaces and dashes, full-width characters.</summary>
    public static string Normalise(string? input) => IdentifierInput.Normalise(input);

    /// <summary>True when the text has the shape of a report number (so it is worth a look-up at all).</summary>
    public static bool LooksLikeReportNumber(string number) =>
        number.Length == 14 + NumberRandomLength
        && number.AsSpan(0, 14).ContainsAnyExceptInRange('0', '9') is false
        && number.AsSpan(14).ContainsAnyExcept(AlphabetValues) is false;

    private static string RandomCharacters(int length) =>
        new(RandomNumberGenerator.GetItems<char>(UnifiedSocialCreditCode.Alphabet, length));

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
