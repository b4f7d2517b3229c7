using System.Net;
using CreditSite.Content;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Announcements;

[Collection(SharedSites.Plain)]
public sealed class AnnouncementPagesTests(SiteFactory site)
{
    private ContentLibrary Library => site.Services.GetRequiredService<ContentLibrary>();

    [Fact]
    public async Task ListsAnnouncementsNewestFirst()
    {
        var (status, html) = await site.CreateClient().GetPageAsync("/announcements");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Library.Announcements.Count >= 2, "the demo content has two or more announcements");
        var positions = Library.Announcements.Select(a => html.IndexOf($"href=\"{a.Url}\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.True(Library.Announcements.Zip(Library.Announcements.Skip(1)).All(p => p.First.Date >= p.Second.Date));
    }

    [Fact]
    public async Task ShowsAnAnnouncementWithIssuerDateDemoNoticeAndALinkBack()
    {
        foreach (var announcement in Library.Announcements)
        {
            var (status, html) = await site.CreateClient().GetPageAsync(announcement.Url);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains($"<h1>{SiteClient.Html(announcement.Title)}</h1>", html, StringComparison.Ordinal);
            Assert.Contains($"<dd>{SiteClient.Html(announcement.Issuer)}</dd>", html, StringComparison.Ordinal);
            Assert.Contains($"datetime=\"{announcement.Date:yyyy-MM-dd}\"", html, StringComparison.Ordinal);
            Assert.Equal(announcement.IsDemo, html.Contains("<strong>演示内容</strong>", StringComparison.Ordinal));
            foreach (var id in announcement.EntryIds)
            {
                Assert.Contains($"<code>{SiteClient.Html(id)}</code>", html, StringComparison.Ordinal);
            }

            Assert.Contains("<a href=\"/announcements\">← 返回公示公告</a>", html, StringComparison.Ordinal);
        }
    }
}
