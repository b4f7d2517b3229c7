using System.Security.Cryptography;
using System.Text;
using CreditSite.Identifiers;

namespace CreditSite.Reports;

/// <summary>Derives a report's verification code from its number with a server secret (HMAC), so the code is
/// unpredictable and separate from the number, the PDF can be rendered again on every download, and the store keeps
/// only a hash of the code. The key is derived (HKDF, own purpose label) from the configured privacy secret.</summary>
public sealed class ReportVerificationKey
{
    public const int CodeLength = 12;
    private static readonly byte[] Purpose = "creditsite/report-verification-code"u8.ToArray();
    private const int Alphabet = 31;
    private const int Unbiased = 256 / Alphabet * Alphabet; // bytes at or above this would favour the first letters

    private readonly byte[] _key;

    public ReportVerificationKey(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Purpose);
    }

    /// <summary>12 characters from the USCC alphabet (about 59 bits).</summary>
    public string CodeFor(string reportNumber)
    {
        ArgumentNullException.ThrowIfNull(reportNumber);
        var code = new StringBuilder(CodeLength);
        for (var round = 0; code.Length < CodeLength; round++)
        {
            var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{ReportCodes.Normalise(reportNumber)}/{round}"));
            foreach (var b in mac)
            {
                if (b < Unbiased && code.Length < CodeLength)
                {
                    code.Append(UnifiedSocialCreditCode.Alphabet[b % Alphabet]);
                }
            }
        }

        return code.ToString();
    }
}
