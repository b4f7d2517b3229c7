using System.Net;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.RoleModels;

[Collection(SharedSites.Plain)]
public sealed class RoleModelPagesTests(SiteFactory site)
{
    private ContentLibrary Library => site.Services.GetRequiredService<ContentLibrary>();

    [Fact]
    public async Task ListsEveryRoleModelWithItsCategory()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/role-models");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Library.RoleModels.Count >= 3, "the demo content has three or more role models");
        foreach (var model in Library.RoleModels)
        {
            Assert.Contains($"<a href=\"{model.Url}\">{SiteClient.Html(model.Title)}</a>", html, StringComparison.Ordinal);
            Assert.Contains(SiteClient.Html(model.Category), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ShowsARoleModelWithItsFactsTheDemoNoticeAndALinkBack()
    {
        foreach (var model in Library.RoleModels)
        {
            var (status, html) = await site.CreateClient().GetPageAsync(model.Url);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains($"<h1>{SiteClient.Html(model.Title)}</h1>", html, StringComparison.Ordinal);
            Assert.Contains($"<dd>{SiteClient.Html(model.SubjectName)}</dd>", html, StringComparison.Ordinal);
            Assert.Contains($"<dd>{model.SubjectType.Label()}</dd>", html, StringComparison.Ordinal);
            Assert.Contains($"<dd>{SiteClient.Html(model.AwardedBy)}</dd>", html, StringComparison.Ordinal);
            if (model.Uscc is { } code)
            {
                Assert.Contains($"<dd>{code.Value}</dd>", html, StringComparison.Ordinal);
            }

            Assert.Equal(model.IsDemo, html.Contains("<strong>演示内容</strong>", StringComparison.Ordinal));
            Assert.Contains("<a href=\"/role-models\">← 返回诚信典型</a>", html, StringComparison.Ordinal);
        }
    }
}
