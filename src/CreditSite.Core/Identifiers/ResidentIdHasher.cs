using System.Security.Cryptography;
using System.Text;

namespace CreditSite.Identifiers;

/// <summary>Keyed hash (HMAC-SHA256) of a resident ID number: lets the index and the store match an exact ID query
/// without holding the number. The key comes from configuration (<c>Privacy:IdHashKey</c>).</summary>
public sealed class ResidentIdHasher
{
    private readonly byte[] _key;

    public ResidentIdHasher(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Hash(ResidentIdNumber number)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(number.Value));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>The one shape of a person's key: <see cref="SubjectKeyLength"/> lower-case hex characters.</summary>
    public const int SubjectKeyLength = 20;

    /// <summary>Whether <paramref name="key"/> has the shape of a person's key. No USCC has it (18 characters), so
    /// an organisation's code is never taken for a person.</summary>
    public static bool IsSubjectKeyShape(string? key) =>
        key is { Length: SubjectKeyLength } && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>A person's key in URLs (<c>/subjects/{key}</c>): a second keyed hash over the ID hash, cut to 20 hex
    /// characters. Stable for the same person, unguessable without the key, and not the hash the index matches on.</summary>
    public string SubjectKey(string idHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idHash);
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes("subject:" + idHash));
        return Convert.ToHexStringLower(mac.AsSpan(0, SubjectKeyLength / 2));
    }
}
