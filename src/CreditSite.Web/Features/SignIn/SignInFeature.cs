using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Site.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StackExchange.Redis;

namespace CreditSite.Web.Features.SignIn;

public static class SignInFeature
{
    public const string CookieName = "creditsite.auth";

    /// <summary>Sign-in with OpenID Connect (authorization code + PKCE) into a cookie; data-protection keys shared
    /// through the data folder (or Redis for several nodes).</summary>
    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OidcSignInOptions.Section).Get<OidcSignInOptions>() ?? new OidcSignInOptions();
        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        var cookieSecurity = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        AddDataProtection(builder);

        builder.Services.AddSingleton(settings);
        if (!settings.UseLocalProvider && Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority))
        {
            // The sign-out form ends with a redirect to the provider, which browsers check against CSP form-action.
            builder.Services.PostConfigure<SecurityHeadersOptions>(o => o.FormActionOrigins.Add(authority.GetLeftPart(UriPartial.Authority)));
        }
        builder.Services.AddSingleton<SignInClaimsMapper>();
        builder.Services.AddHttpContextAccessor();

        builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = cookieSecurity;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.AccessDeniedPath = "/account/denied";
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = settings.UseLocalProvider ? null : settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.UseLocalProvider ? LocalProviderClient.Secret : settings.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query string (a top-level GET), so Lax cookies and pages without
                // JavaScript both work; PKCE protects the code.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
                o.MapInboundClaims = false;
                // Tokens may carry the full resident ID number: never keep them in the cookie.
                o.SaveTokens = false;
                o.RequireHttpsMetadata = !development;
                o.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
                o.Scope.Clear();
                o.Scope.Add("openid");
                foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }

                foreach (var claim in new[] { settings.NameClaim, settings.ResidentIdClaim, settings.UsccClaim, settings.CompanyNameClaim })
                {
                    o.ClaimActions.MapUniqueJsonKey(claim, claim);
                }

                o.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = cookieSecurity;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = cookieSecurity;
                o.SignedOutRedirectUri = "/";
                o.Events.OnTicketReceived = MapClaims;
                o.Events.OnRemoteFailure = ShowFailure;
            });

        if (settings.UseLocalProvider)
        {
            // The local provider lives in this same site, whose address is only known per request (random test ports).
            builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                .Configure<IHttpContextAccessor>((o, accessor) => o.ConfigurationManager = new SelfHostedProviderConfiguration(o, accessor));
        }

        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication UseSignIn(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void AddDataProtection(WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("CreditSite");
        var redis = builder.Configuration["DataProtection:Redis"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Several web nodes: one key ring in Redis (docs/sign-in.md).
            var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
            protection.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), "creditsite:data-protection-keys");
            return;
        }

        var dataPath = builder.DataPath();
        protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));
    }

    private static Task MapClaims(TicketReceivedContext context)
    {
        var mapper = context.HttpContext.RequestServices.GetRequiredService<SignInClaimsMapper>();
        var (principal, error) = mapper.Map(context.Principal!);
        if (principal is null)
        {
            context.Fail(error!);
        }
        else
        {
            context.Principal = principal;
        }

        return Task.CompletedTask;
    }

    private static Task ShowFailure(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInFeature));
        logger.LogWarning("Sign-in failed: {Reason}", context.Failure?.GetType().Name);
        var code = SignInFailures.CodeOf(context.Failure?.Message);
        context.Response.Redirect("/account/sign-in-failed" + (code is null ? string.Empty : "?reason=" + code));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}

/// <summary>The client registration the local provider accepts (Development and Testing only; not a secret).</summary>
public static class LocalProviderClient
{
    public const string Secret = "creditsite-local-development-secret";
}
