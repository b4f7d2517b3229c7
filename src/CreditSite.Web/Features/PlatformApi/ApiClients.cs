using CreditSite.Platforms;
using Microsoft.Extensions.Caching.Memory;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>A platform identified by a valid API key.</summary>
public sealed record ApiClient(int KeyId, string Name, int QuotaPerMinute);

/// <summary>What the <c>X-Api-Key</c> header of an API request said, set on the request before rate limiting.</summary>
public sealed record ApiKeyCheck(ApiClient? Client, bool Presented)
{
    public static readonly ApiKeyCheck Anonymous = new(null, false);

    /// <summary>A key was sent but is unknown, malformed or revoked.</summary>
    public bool IsRejected => Presented && Client is null;
}

/// <summary>Resolves API keys to platforms, remembering answers (also "no such key") for a short while so that the
/// store is not asked on every request, nor flooded by made-up keys. A revocation takes effect within
/// <see cref="Lifetime"/> on every node.</summary>
public sealed class ApiClientResolver(ApiKeyStore store) : IDisposable
{
    public const string Header = "X-Api-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<ApiKeyCheck> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return ApiKeyCheck.Anonymous;
        }

        var presented = values.ToString().Trim();
        var hash = ApiKeySecret.TryHash(presented);
        if (hash is null)
        {
            return new ApiKeyCheck(null, true);
        }

        if (!_cache.TryGetValue(hash, out ApiClient? client))
        {
            var key = await store.FindActiveAsync(presented, cancellationToken);
            client = key is null ? null : new ApiClient(key.Id, key.Name, key.QuotaPerMinute);
            _cache.Set(hash, client, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return new ApiKeyCheck(client, true);
    }

    public void Dispose() => _cache.Dispose();
}
