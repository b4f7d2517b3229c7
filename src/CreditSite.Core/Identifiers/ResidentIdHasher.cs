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
}
