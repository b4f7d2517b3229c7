using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Search;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OpenIddict.Server;

namespace CreditSite.Web.Tests.Reports;

public enum StoreKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>The real site for report tests: the real local identity provider, the real embedded search engine over a
/// temporary data folder holding the demo identities' records, SQLite or a fresh database on the real PostgreSQL
/// server from <c>CREDITSITE_TEST_POSTGRES</c>, a fake clock for the reports' calendar, and every log line captured.</summary>
public class ReportsSite : SiteFactory
{
    public const string TestingIdHashKey = "testing-only-id-hash-key-not-a-secret";

    private readonly string? _postgresDatabase;
    private readonly string? _postgresAdmin;

    public ReportsSite() : this(StoreKind.Sqlite)
    {
    }

    protected ReportsSite(StoreKind store)
    {
        Store = store;
        if (store == StoreKind.PostgreSql)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable("CREDITSITE_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(_postgresAdmin))
            {
                throw new InvalidOperationException(
                    "CREDITSITE_TEST_POSTGRES is not set: the PostgreSQL tests need a real server. Run `bash scripts/test.sh`, "
                    + "which starts one, or export an Npgsql connection string to a server you started.");
            }

            _postgresDatabase = "creditsite_reports_" + Guid.NewGuid().ToString("N");
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            create.ExecuteNonQuery();
            PostgresConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresDatabase }.ConnectionString;
        }
    }

    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private bool _seeded;
    private SignInDemoDecisions? _decisions;

    public StoreKind Store { get; }

    /// <summary>False when the site runs on a real Kestrel socket (browser tests).</summary>
    protected virtual bool InMemory => true;

    /// <summary>What QR codes and grant links point at.</summary>
    protected virtual string PublicBaseUrl => "http://localhost";

    public string? PostgresConnectionString { get; }

    /// <summary>The site's calendar. A site shared by a test class (IClassFixture) keeps it still; a test that moves
    /// time makes a site of its own, so no other test depends on running before or after it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CapturedLogs Logs { get; } = new();

    /// <summary>Keyed hash of a resident ID with the Testing key (what the index and the store hold).</summary>
    public static string HashOf(string residentId) => new ResidentIdHasher(TestingIdHashKey).Hash(ResidentIdNumber.Parse(residentId).Value!.Value);

    public ISearchEngine Engine => Services.GetRequiredService<ISearchEngine>();

    /// <summary>The decision numbers of the demo identities' entries as <see cref="SeedAsync"/> stored them (their years
    /// follow the decision dates, which are relative to the day of seeding).</summary>
    public SignInDemoDecisions Decisions => _decisions ?? throw new InvalidOperationException("Call SeedAsync first.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Privacy:IdHashKey", TestingIdHashKey);
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
        if (Store == StoreKind.PostgreSql)
        {
            builder.UseSetting("Storage:Provider", "PostgreSql");
            builder.UseSetting("Storage:ConnectionString", PostgresConnectionString);
        }

        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // The fake clock moves the reports' calendar (grant expiry); sign-in sessions and tokens keep real time,
            // since token validation in Microsoft.IdentityModel reads the system clock.
            services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
            services.PostConfigure<OpenIddictServerOptions>(o => o.TimeProvider = TimeProvider.System);
            if (InMemory)
            {
                // The provider is this same in-memory site: its back channel goes through the test server.
                services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = Server.CreateHandler());
            }
        });
    }

    /// <summary>Stores the demo identities' entries through the real import (the system of record) and brings the
    /// real index up to date, once per site.</summary>
    public async Task SeedAsync()
    {
        await _seedGate.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            var file = Path.Combine(DataPath, "signin-demo-entries.csv");
            Directory.CreateDirectory(DataPath);
            await using (var writer = new StreamWriter(file))
            {
                ListCsvWriter.WriteHeader(writer);
            }

            var today = CreditCalendar.Today(Clock);
            SignInDemoSubjects.AppendCsv(file, today);
            var result = await Services.GetRequiredService<ListImporter>().ImportAsync(file);
            Assert.True(result.Accepted, result.Report.Describe());
            await Services.GetRequiredService<ListIndexer>().CatchUpAsync(Engine, TimeSpan.FromSeconds(30));
            _decisions = SignInDemoSubjects.DecisionNumbers(today);
            _seeded = true;
        }
        finally
        {
            _seedGate.Release();
        }
    }

    /// <summary>A client signed in through the real local provider: challenge, the provider's picker page, the posted
    /// choice, the code exchange and the cookie.</summary>
    public Task<HttpClient> SignInAsync(DemoIdentity identity) =>
        // The public address: the in-memory host's, or the Kestrel socket of a site that runs on one.
        SignInAsync(identity, CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicBaseUrl), AllowAutoRedirect = true, HandleCookies = true }));

    /// <summary>Signs <paramref name="client"/> in (one that follows redirects and keeps cookies).</summary>
    public async Task<HttpClient> SignInAsync(DemoIdentity identity, HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(client);
        var picker = await client.GetAsync(new Uri("/account/sign-in?returnUrl=/reports", UriKind.Relative));
        var html = await picker.Content.ReadAsStringAsync();
        Assert.True(picker.StatusCode == HttpStatusCode.OK && picker.RequestMessage!.RequestUri!.AbsolutePath == "/local-idp/authorize",
            $"Expected the provider's picker, got {picker.StatusCode} at {picker.RequestMessage?.RequestUri}");

        var fields = Forms.HiddenFields(html);
        fields.Add(new("Identity", identity.Key));
        fields.Add(new("__RequestVerificationToken", Forms.AntiforgeryToken(html)));
        var signedIn = await client.PostAsync(new Uri("/local-idp/authorize", UriKind.Relative), new FormUrlEncodedContent(fields));
        var page = WebUtility.HtmlDecode(await signedIn.Content.ReadAsStringAsync());
        Assert.True(signedIn.StatusCode == HttpStatusCode.OK && signedIn.RequestMessage!.RequestUri!.AbsolutePath == "/reports",
            $"Sign-in as {identity.Key} ended with {signedIn.StatusCode} at {signedIn.RequestMessage?.RequestUri}: {page[..Math.Min(page.Length, 400)]}");
        Pages.Add(page);
        return client;
    }

    /// <summary>Every page a test fetched (HTML entities decoded), for the privacy check.</summary>
    public ConcurrentBag<string> Pages { get; } = [];

    public async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Pages.Add(html);
        return (response, html);
    }

    /// <summary>Posts to a page (with a handler) carrying the anti-forgery token of the page as fetched first.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(
        HttpClient client, string pageUrl, string? handler, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (_, page) = await GetPageAsync(client, pageUrl);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Forms.AntiforgeryToken(page)) };
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        var target = pageUrl.Split('?')[0] + (handler is null ? string.Empty : "?handler=" + handler);
        var response = await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Pages.Add(html);
        return (response, html);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}

public sealed class PostgreSqlReportsSite() : ReportsSite(StoreKind.PostgreSql);

public static partial class Forms
{
    public static string AntiforgeryToken(string html)
    {
        var match = Token().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        Hidden().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

    /// <summary>The grant code shown once after creating a grant.</summary>
    public static string GrantCode(string html)
    {
        var match = GrantCodePattern().Match(html);
        Assert.True(match.Success, "The page shows no grant code.");
        return match.Groups[1].Value;
    }

    /// <summary>The report id a report page links its PDF from.</summary>
    public static string ReportId(string html)
    {
        var match = PdfLink().Match(html);
        Assert.True(match.Success, "The page links no PDF.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("<code id=\"grant-code\">([A-Z0-9]+)</code>")]
    private static partial Regex GrantCodePattern();

    [GeneratedRegex("href=\"/reports/([A-Za-z0-9_-]{22})/pdf\"")]
    private static partial Regex PdfLink();
}

/// <summary>Keeps every formatted log line (with its exception) from every category.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
