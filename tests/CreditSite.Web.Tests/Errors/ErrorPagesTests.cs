using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Errors;

public sealed class ErrorPagesTests(FailingSiteFactory site) : IClassFixture<FailingSiteFactory>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task AnUnhandledExceptionGivesTheChinese500PageWithoutDetails(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), FailingSiteFactory.ThrowingPath);
        using var response = await site.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>服务器出错了</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnhandledExceptionInAnApiRouteGivesAChinese500ProblemWithoutDetails()
    {
        using var response = await site.CreateClient().GetAsync(new Uri(FailingSiteFactory.ThrowingApiPath, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("服务器内部错误", problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/policies/no-such-policy")]
    [InlineData("/css/no-such.css")]
    public async Task AMissingPageGivesTheChinese404Page(string url)
    {
        var (status, html) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>页面不存在</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">返回首页</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadRequestGivesTheChinese400Page()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/policies?page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<h1>请求有误</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error", HttpStatusCode.NotFound)]
    [InlineData("/error/500", HttpStatusCode.InternalServerError)]
    [InlineData("/error/400", HttpStatusCode.BadRequest)]
    [InlineData("/error/200", HttpStatusCode.NotFound)]
    public async Task OpeningTheErrorPageDirectlyNeverLooksLikeSuccess(string url, HttpStatusCode expected)
    {
        var (status, _) = await site.CreateClient().GetPageAsync(url);

        Assert.Equal(expected, status);
    }
}
