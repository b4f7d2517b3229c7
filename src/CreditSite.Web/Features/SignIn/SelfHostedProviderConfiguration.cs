using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CreditSite.Web.Features.SignIn;

/// <summary>Finds the local provider's discovery document at the origin of the current request
/// (<c>{origin}/.well-known/openid-configuration</c>, where its issuer says): the provider is hosted by this same site, whose port
/// is chosen at start-up in tests. One cached configuration per origin. Development and Testing only.</summary>
internal sealed class SelfHostedProviderConfiguration(OpenIdConnectOptions options, IHttpContextAccessor accessor)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    /// <summary>Where a client discovers the provider whose issuer is the site's origin (Discovery 1.0 §4.1).</summary>
    public const string DiscoveryPath = "/.well-known/openid-configuration";

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _byOrigin = new(StringComparer.OrdinalIgnoreCase);

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var request = accessor.HttpContext?.Request
            ?? throw new InvalidOperationException("The local identity provider is found from the current request.");
        var origin = $"{request.Scheme}://{request.Host}";
        var manager = _byOrigin.GetOrAdd(origin, o => new ConfigurationManager<OpenIdConnectConfiguration>(
            o + DiscoveryPath,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(options.Backchannel) { RequireHttps = false }));
        return manager.GetConfigurationAsync(cancel);
    }

    public void RequestRefresh()
    {
        foreach (var manager in _byOrigin.Values)
        {
            manager.RequestRefresh();
        }
    }
}
