using System.Net;
using CreditSite.Web.Features.LocalIdentityProvider;
using Microsoft.Extensions.DependencyInjection;
using CreditSite.Reports;

namespace CreditSite.Web.Tests.Reports;

/// <summary>/reports/verify: anyone confirms a genuine report; a wrong code tells nothing; attempts are rate limited.</summary>
public sealed class ReportVerificationTests(ReportsSite site) : IClassFixture<ReportsSite>, IAsyncLifetime
{
    public Task InitializeAsync() => site.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GenuineReportIsConfirmedWithSubjectAndPeriod()
    {
        var (number, code) = await IssueAsync();
        var anonymous = site.CreateClient();

        var (response, html) = await site.GetPageAsync(anonymous, $"/reports/verify?number={number}&code={code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("核验通过", html, StringComparison.Ordinal);
        Assert.Contains("张伟（320402********", html, StringComparison.Ordinal);
        Assert.Contains("在核验有效期内", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeTypedInLowerCaseWithSpacesIsAccepted()
    {
        var (number, code) = await IssueAsync();

        var (_, html) = await site.GetPageAsync(site.CreateClient(),
            $"/reports/verify?number={number.ToLowerInvariant()}&code={Uri.EscapeDataString(code[..4].ToLowerInvariant() + " " + code[4..])}");

        Assert.Contains("核验通过", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCodeGetsTheSameAnswerWhetherOrNotTheNumberExists()
    {
        var (number, code) = await IssueAsync();
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        var client = site.CreateClient();

        var (existing, existingHtml) = await site.GetPageAsync(client, $"/reports/verify?number={number}&code={wrong}");
        var (missing, missingHtml) = await site.GetPageAsync(client, $"/reports/verify?number=20200101000000ABCDEFGH&code={wrong}");

        Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
        Assert.Equal(existing.StatusCode, missing.StatusCode);
        Assert.Equal(MainPart(existingHtml).Replace(number, "N", StringComparison.Ordinal), MainPart(missingHtml).Replace("20200101000000ABCDEFGH", "N", StringComparison.Ordinal));
        Assert.Contains("核验未通过", existingHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredVerificationPeriodIsSaid()
    {
        // Its own site and so its own clock: moving the shared fixture's clock would move every later test's calendar.
        await using var own = new ReportsSite();
        await own.SeedAsync();
        var (number, code) = await IssueAsync(own);
        own.Clock.Advance(TimeSpan.FromDays(31));

        var (_, html) = await own.GetPageAsync(own.CreateClient(), $"/reports/verify?number={number}&code={code}");

        Assert.Contains("核验通过", html, StringComparison.Ordinal);
        Assert.Contains("已超过核验有效期", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTwentyFirstAttemptInAMinuteGets429WithRetryAfter()
    {
        using var limited = new ReportsSite();
        var client = limited.CreateClient();

        var form = await client.GetAsync(new Uri("/reports/verify", UriKind.Relative));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            var r = await client.GetAsync(new Uri($"/reports/verify?number=20200101000000ABCDEFG{i % 10}&code=AAAABBBBCCCC", UriKind.Relative));
            answers.Add(r.StatusCode);
            if (i == 20)
            {
                Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
                Assert.Contains("核验请求过于频繁", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.All(answers.Take(20), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[20]);
    }

    [Fact]
    public async Task QrCodeInTheDownloadedPdfOpensTheVerificationPage()
    {
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, html) = await site.PostFormAsync(person, "/reports", "Personal");
        var pdf = await person.GetByteArrayAsync(new Uri($"/reports/{Forms.ReportId(html)}/pdf", UriKind.Relative));
        var path = Path.Combine(Path.GetTempPath(), "creditsite-qr-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path + ".pdf", pdf);

        await PdfTools.RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", path + ".pdf", path);
        var url = new Uri((await PdfTools.RunAsync("zbarimg", "--raw", "-q", path + ".png")).Trim());
        var (response, page) = await site.GetPageAsync(site.CreateClient(), url.PathAndQuery);

        Assert.Equal("/reports/verify", url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("核验通过", page, StringComparison.Ordinal);
    }

    private Task<(string Number, string Code)> IssueAsync() => IssueAsync(site);

    private static async Task<(string Number, string Code)> IssueAsync(ReportsSite on)
    {
        await using var scope = on.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<CreditSite.Web.Features.Reports.ReportIssuer>();
        var record = await desk.IssueAsync(
            ReportSubject.Person("张伟", ReportsSite.HashOf(DemoIdentities.BlackListedPersonId), ResidentIdNumberMasked), null, CancellationToken.None);
        return (record.Number, desk.ToIssued(record).VerificationCode);
    }

    private static readonly string ResidentIdNumberMasked = CreditSite.Identifiers.ResidentIdNumber.Mask(DemoIdentities.BlackListedPersonId);

    private static string MainPart(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
}
