using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Storage;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Tests.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>The real site on a real Kestrel socket (so body limits, early answers and draining are Kestrel's own) with
/// the real local identity provider and its own real clamd: penalties of the demo company decided by 市市场监督管理局
/// and by 市住房和城乡建设局, whose staff are the two department identities.</summary>
public sealed class AttachmentSite : ReportsSite, IAsyncLifetime
{
    public const string MarketDepartment = "市市场监督管理局";
    public const string HousingDepartment = "市住房和城乡建设局";

    // Initialised before the base constructor starts the server, which reads them in ConfigureWebHost.
    private readonly int _port = FreePort.Next();
    private readonly ClamdServer _clamd = new();

    public AttachmentSite()
    {
        UseKestrel(_port);
        StartServer();
        ClientOptions.BaseAddress = new Uri(PublicBaseUrl);
    }

    protected override bool InMemory => false;

    protected override string PublicBaseUrl => $"http://127.0.0.1:{_port}";

    public Uri Address => new(PublicBaseUrl);

    public string AttachmentFolder => Path.Combine(DataPath, "attachments");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CreditRepair:ClamAv:SocketPath", _clamd.SocketPath);
    }

    public async Task InitializeAsync()
    {
        await _clamd.InitializeAsync();
        await DemoCompanyPenalties.WriteAsync(Services, CreditCalendar.Today(Clock),
            ("UP-ACCEPT", MarketDepartment), ("UP-REFUSE", MarketDepartment), ("UP-HOUSING", HousingDepartment), ("UP-OBJECT", MarketDepartment),
            ("UP-MATERIAL", MarketDepartment), ("UP-FIVE", MarketDepartment), ("UP-BROWSER", MarketDepartment));
    }

    async Task IAsyncLifetime.DisposeAsync() => await _clamd.DisposeAsync();

    /// <summary>A signed-in client whose cookies the test can read, to send them on a socket of its own
    /// (<see cref="HeldBackPost"/>).</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> SignInWithCookiesAsync(DemoIdentity identity)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = Address };
        return (await SignInAsync(identity, client), cookies);
    }

    /// <summary>Requests and attachment rows in the store, and files in the attachments folder.</summary>
    public async Task<(int Requests, int Attachments, int Files)> StoredAsync()
    {
        await using var context = Services.GetRequiredService<CreditStore>().CreateContext();
        var files = Directory.Exists(AttachmentFolder) ? Directory.GetFiles(AttachmentFolder).Length : 0;
        return (await context.Set<RepairRequest>().CountAsync(), await context.Set<RequestAttachment>().CountAsync(), files);
    }

    /// <summary>The form as a browser sends it: the page's anti-forgery token first (the form writes it first), the
    /// fields, then one part per file with the name in raw UTF-8, or one empty part when no file was chosen.</summary>
    public async Task<MultipartFormDataContent> FormAsync(HttpClient client, string pageUrl, (string Name, string Value)[] fields, params (string Name, byte[] Content)[] files)
    {
        var (_, page) = await GetPageAsync(client, pageUrl);
        var form = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        form.Add(Text(Forms.AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(Text(value), name);
        }

        foreach (var (name, content) in files.Length == 0 ? [("", Array.Empty<byte>())] : files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"Attachments\"; filename=\"{name}\"");
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part);
        }

        return form;
    }

    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string url, HttpContent form)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Pages.Add(html);
        return (response, html);
    }

    /// <summary>A text part as a browser sends it: no content type of its own.</summary>
    private static ByteArrayContent Text(string value) => new(Encoding.UTF8.GetBytes(value));
}
