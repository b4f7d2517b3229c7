using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Search.Embedded;
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

    public StoreKind Store { get; }

    /// <summary>False when the site runs on a real Kestrel socket (browser tests).</summary>
    protected virtual bool InMemory => true;

    /// <summary>What QR codes and grant links point at.</summary>
    protected virtual string PublicBaseUrl => "http://localhost";

    public string? PostgresConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CapturedLogs Logs { get; } = new();

    /// <summary>Keyed hash of a resident ID with the Testing key (what the index and the store hold).</summary>
    public static string HashOf(string residentId) => new ResidentIdHasher(TestingIdHashKey).Hash(ResidentIdNumber.Parse(residentId).Value!.Value);

    public ISearchEngine Engine => Services.GetRequiredService<ISearchEngine>();

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
            services.TryAddSingleton<ISearchEngine>(_ => new EmbeddedSearchEngine(DataPath));
        });
    }

    /// <summary>Indexes the demo identities' public records (and one expired entry that must never show).</summary>
    public async Task SeedAsync()
    {
        var today = CreditCalendar.Today(Clock);
        var blackPerson = HashOf(DemoIdentities.BlackListedPersonId);
        var masked = ResidentIdNumber.Mask(DemoIdentities.BlackListedPersonId);
        await Engine.UpsertAsync(
        [
            Entry("entry:T-P-1", ListKind.Black, SubjectType.NaturalPerson, "张伟", null, blackPerson, masked, "司法执行(失信被执行人)",
                "市中级人民法院", "（2025）苏04执1001号", today.AddDays(-30), today.AddYears(2), Severity.Serious, EntryStatus.Active),
            Entry("entry:T-P-2", ListKind.Black, SubjectType.NaturalPerson, "张伟", null, blackPerson, masked, "税务",
                "常州市税务局", "常税罚〔2025〕88号", today.AddDays(-20), today.AddYears(1), Severity.General, EntryStatus.UnderObjection),
            Entry("entry:T-P-OLD", ListKind.Black, SubjectType.NaturalPerson, "张伟", null, blackPerson, masked, "交通运输",
                "市交通运输局", "常交罚〔2020〕1号", today.AddYears(-4), today.AddDays(-1), Severity.General, EntryStatus.Active),
            Entry("entry:T-C-1", ListKind.Black, SubjectType.LegalPerson, DemoIdentities.CompanyName, DemoIdentities.CompanyUscc, null, null, "工程质量",
                "市住房和城乡建设局", "常建罚〔2025〕12号", today.AddDays(-60), today.AddYears(1), Severity.General, EntryStatus.Active),
            Entry("entry:T-C-2", ListKind.Red, SubjectType.LegalPerson, DemoIdentities.CompanyName, DemoIdentities.CompanyUscc, null, null, "税务",
                "常州市税务局", "A级纳税人〔2025〕", today.AddDays(-90), today.AddYears(1), null, EntryStatus.Active),
        ]);
    }

    private static SearchDocument Entry(
        string id, ListKind kind, SubjectType type, string name, string? uscc, string? hash, string? masked, string field, string department,
        string decision, DateOnly date, DateOnly until, Severity? severity, EntryStatus status) => new()
    {
        Id = id,
        Type = DocumentType.ListEntry,
        Title = $"{name} {field}",
        Body = $"{name}的{kind.Label()}记录摘要。",
        Url = "/subjects/" + (uscc ?? hash![..32]),
        Date = date,
        EntryId = id,
        ListKind = kind,
        SubjectType = type,
        SubjectName = name,
        SubjectKey = uscc ?? hash![..32],
        Uscc = uscc,
        ResidentIdHash = hash,
        MaskedIdNumber = masked,
        Field = field,
        IssuingDepartment = department,
        DecisionNumber = decision,
        PublicUntil = until,
        Severity = severity,
        Status = status,
        LegalBasis = "《测试依据》第一条",
    };

    /// <summary>A client signed in through the real local provider: challenge, the provider's picker page, the posted
    /// choice, the code exchange and the cookie.</summary>
    public async Task<HttpClient> SignInAsync(DemoIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
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
