using CreditSite.Web.Features.SignIn;
using OpenIddict.Abstractions;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CreditSite.Web.Features.LocalIdentityProvider;

/// <summary>A local OpenID Connect provider (OpenIddict) under <c>/local-idp/</c>, so that sign-in works out of the box
/// in Development and tests with the real authorization-code flow and PKCE. It keeps no store (degraded mode): the one
/// client is checked by the handlers below, codes are self-contained encrypted tokens, keys are ephemeral.</summary>
public static class LocalIdentityProviderFeature
{
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static WebApplicationBuilder AddLocalIdentityProvider(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OidcSignInOptions.Section).Get<OidcSignInOptions>() ?? new OidcSignInOptions();
        if (!settings.UseLocalProvider)
        {
            return builder;
        }

        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                $"本地演示身份提供方（/local-idp/）仅用于开发和测试环境，不能在 {builder.Environment.EnvironmentName} 环境启动。"
                + "请设置 Authentication:Oidc:Authority（及 ClientId、ClientSecret）指向省级实名身份认证平台，见 docs/sign-in.md。");
        }

        // OpenIddict logs whole token responses; the demo identities' tokens carry full ID numbers.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);

        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("local-idp/authorize")
             .SetTokenEndpointUris("local-idp/token")
             .SetEndSessionEndpointUris("local-idp/logout")
             // The issuer is the site's origin ("http://host:port/"), so the discovery document must be served at
             // {issuer}.well-known/openid-configuration (OpenID Connect Discovery 1.0 §4.1, §4.3): a strict client
             // fetches it there and checks the issuer it names. The /local-idp/ address stays for older links.
             .SetConfigurationEndpointUris(".well-known/openid-configuration", "local-idp/.well-known/openid-configuration")
             .SetJsonWebKeySetEndpointUris("local-idp/.well-known/jwks");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.EnableDegradedMode();
            o.UseAspNetCore()
             .EnableAuthorizationEndpointPassthrough()
             .EnableEndSessionEndpointPassthrough()
             .DisableTransportSecurityRequirement();

            o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (!IsClient(settings, context.ClientId))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "未知的客户端。");
                }
                else if (!IsOwnCallback(context.RedirectUri, CallbackPath))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "回调地址不被接受。");
                }

                return default;
            }));

            o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (!IsClient(settings, context.ClientId) || !string.Equals(context.ClientSecret, LocalProviderClient.Secret, StringComparison.Ordinal))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "客户端认证失败。");
                }

                return default;
            }));

            o.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is not null && !IsOwnCallback(context.PostLogoutRedirectUri, SignedOutCallbackPath))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "退出后的回跳地址不被接受。");
                }

                return default;
            }));
        });

        return builder;
    }

    private static bool IsClient(OidcSignInOptions settings, string? clientId) =>
        string.Equals(clientId, settings.ClientId, StringComparison.Ordinal);

    /// <summary>Only this site's own callback, on any local origin (the port differs per run).</summary>
    private static bool IsOwnCallback(string? uri, string path) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && parsed.Scheme is "http" or "https"
        && string.Equals(parsed.AbsolutePath, path, StringComparison.Ordinal)
        && string.IsNullOrEmpty(parsed.Query);
}
