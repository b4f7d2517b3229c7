using System.Net;
using System.Text.RegularExpressions;
using CreditSite.Import;
using CreditSite.Web.Features.LocalIdentityProvider;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The grant form as a person uses it: a mistake keeps what was typed, a refresh does not grant twice, and
/// only a grant that can still be used offers 撤销授权.</summary>
public sealed partial class GrantFormTests(ReportsSite site) : IClassFixture<ReportsSite>
{
    [Fact]
    public async Task AnErrorKeepsTheCodeThatWasTyped()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);

        var (response, html) = await site.PostFormAsync(person, "/reports/grants", "Create",
            ("Form.GranteeKind", "Enterprise"), ("Form.GranteeName", "某银行"), ("Form.GranteeIdentifier", SignInDemoSubjects.CompanyUscc),
            ("Form.Purpose", "LoanApproval"), ("Form.Days", "99"), ("Form.SingleUse", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("授权有效期应为1至", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{SignInDemoSubjects.CompanyUscc}\"", html, StringComparison.Ordinal);
        // The message is tied to the fields it can be about, so a screen reader reads it with them.
        Assert.Contains("<div class=\"error-box\" role=\"alert\" id=\"grant-error\">", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"days\" aria-describedby=\"grant-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingRedirectsSoThatARefreshNeitherGrantsAgainNorShowsTheCodeAgain()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        var before = GivenRows(await person.GetStringAsync(new Uri("/reports/grants", UriKind.Relative)));

        var (created, html) = await site.PostFormAsync(person, "/reports/grants", "Create",
            ("Form.GranteeKind", "Enterprise"), ("Form.GranteeName", "某租赁公司"), ("Form.GranteeIdentifier", SignInDemoSubjects.CompanyUscc),
            ("Form.Purpose", "Lease"), ("Form.Days", "3"), ("Form.SingleUse", "true"));
        var refreshed = await person.GetStringAsync(created.RequestMessage!.RequestUri);

        Assert.Equal(HttpMethod.Get, created.RequestMessage.Method);
        Assert.DoesNotContain("handler=", created.RequestMessage.RequestUri!.Query, StringComparison.Ordinal);
        Assert.NotEmpty(Forms.GrantCode(html));
        Assert.Equal(before + 1, GivenRows(refreshed));
        Assert.DoesNotContain("grant-code", refreshed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsedUpGrantOffersNoRevocation()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.BlackListedPerson);
        var (_, granted) = await site.PostFormAsync(person, "/reports/grants", "Create",
            ("Form.GranteeKind", "Person"), ("Form.GranteeName", "李娜"), ("Form.GranteeIdentifier", DemoIdentities.CleanPersonId),
            ("Form.Purpose", "Other"), ("Form.PurposeText", "撤销按钮测试"), ("Form.Days", "3"), ("Form.SingleUse", "true"));
        var code = Forms.GrantCode(granted);
        var grantee = await site.SignInAsync(DemoIdentities.CleanPerson);
        await site.PostFormAsync(grantee, "/reports/grants/redeem?code=" + code, null, ("Code", code));

        var page = WebUtility.HtmlDecode(await person.GetStringAsync(new Uri("/reports/grants", UriKind.Relative)));
        var row = Regex.Match(page, "<tr>(?:(?!</tr>).)*撤销按钮测试(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;

        Assert.Contains("已使用", row, StringComparison.Ordinal);
        Assert.DoesNotContain("撤销授权", row, StringComparison.Ordinal);
    }

    private static int GivenRows(string html) =>
        GivenTable().Match(html) is { Success: true } m ? Regex.Count(m.Value, "<tr>") - Regex.Count(m.Value, "<thead>") : 0;

    [GeneratedRegex("<section aria-labelledby=\"given\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex GivenTable();
}
