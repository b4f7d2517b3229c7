using System.Net;
using CreditSite.Web.Features.LocalIdentityProvider;
using Microsoft.AspNetCore.Hosting;

namespace CreditSite.Web.Tests.Reports;

/// <summary>The report site with a strict limit of three on the routes where a secret could be guessed.</summary>
public sealed class StrictGuessingLimitSite : ReportsSite
{
    public const int Permits = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Sensitive:PermitLimit", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Sensitive:WindowSeconds", "600");
    }
}

public sealed class GrantRedemptionLimitTests(StrictGuessingLimitSite site) : IClassFixture<StrictGuessingLimitSite>
{
    [Fact]
    public async Task GuessingGrantCodesIsCutOffByTheStrictLimitWhileSigningInIsNot()
    {
        await site.SeedAsync();
        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= StrictGuessingLimitSite.Permits; i++)
        {
            using var response = await person.GetAsync(new Uri($"/reports/grants/redeem?code=GUESS{i:D7}", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        var anotherSignIn = await site.SignInAsync(DemoIdentities.BlackListedPerson);

        Assert.All(statuses.Take(StrictGuessingLimitSite.Permits), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.NotNull(anotherSignIn);
    }
}
