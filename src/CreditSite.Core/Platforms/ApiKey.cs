using System.Buffers.Text;
using System.Security.Cryptography;

namespace CreditSite.Platforms;

/// <summary>An API key issued to a platform. Only the SHA-256 hash of the key's 32 random bytes is stored; the key
/// itself is shown once, when it is issued.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    /// <summary>Who the key is for, e.g. the platform's name.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key's random bytes.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The first characters of the key, so an operator can tell keys apart without the secret.</summary>
    public required string Prefix { get; set; }

    /// <summary>Requests per minute allowed with this key.</summary>
    public int QuotaPerMinute { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>The secret form of a key: <c>csk_</c> followed by 32 random bytes in base64url (43 characters).</summary>
public static class ApiKeySecret
{
    public const string Marker = "csk_";
    private const int ByteCount = 32;

    public static (string Secret, string Hash) Create()
    {
        Span<byte> bytes = stackalloc byte[ByteCount];
        RandomNumberGenerator.Fill(bytes);
        return (Marker + Base64Url.EncodeToString(bytes), Hash(bytes));
    }

    /// <summary>The stored hash of a presented key, or null when it is not shaped like one of ours.</summary>
    public static string? TryHash(string? presented)
    {
        var text = presented?.Trim();
        if (text is null || !text.StartsWith(Marker, StringComparison.Ordinal) || text.Length > 100)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[64];
        if (Base64Url.DecodeFromChars(text.AsSpan(Marker.Length), bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != ByteCount)
        {
            return null;
        }

        return Hash(bytes[..written]);
    }

    public static string PrefixOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret[..Math.Min(secret.Length, Marker.Length + 6)];
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
