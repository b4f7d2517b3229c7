using System.Text.Json;
using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Platforms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreditSite.Web.Tests.Search;

/// <summary>An engine that stops counting at a bound (<see cref="SearchResults.TotalIsLowerBound"/>, as Elasticsearch's
/// <c>track_total_hits</c> does): the page says "10,000+" and the API says <c>totalIsLowerBound</c>. The embedded engine
/// counts exactly, so the site here runs on an engine that answers every grouped search that way.</summary>
public sealed class LowerBoundTotalTests(LowerBoundTotalTests.Site site) : IClassFixture<LowerBoundTotalTests.Site>
{
    private const string Code = "91320402MA1B00025Q";

    [Fact]
    public async Task ThePageShowsACountThatStoppedAtItsBoundWithAPlus()
    {
        var html = await site.CreateClient().GetHtmlAsync("/search?q=" + Uri.EscapeDataString("有限公司"));

        Assert.Contains("共找到 <strong>10,000+</strong> 项结果", html, StringComparison.Ordinal);
        Assert.Contains("第 1 / 500 页", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/subjects/{Code}\" class=\"subject-name\">常州某某<mark>有限公司</mark></a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiSaysTheTotalIsALowerBound()
    {
        using var answer = JsonDocument.Parse(await site.CreateClient().GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("有限公司"), UriKind.Relative)));

        Assert.True(answer.RootElement.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(10_000, answer.RootElement.GetProperty("total").GetInt64());
    }

    public sealed class Site : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<ISearchEngine>();
                services.AddSingleton<ISearchEngine, BoundedEngine>();
            });
        }
    }

    /// <summary>Answers every search with one subject row of 10,000+; accepts and ignores writes.</summary>
    private sealed class BoundedEngine : ISearchEngine
    {
        public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
        {
            var document = new SearchDocument
            {
                Id = "licence:XK-1", Type = DocumentType.Licence, Title = "常州某某有限公司（行政许可）", Url = "/records/licence/XK-1",
                SubjectKey = Code, SubjectName = "常州某某有限公司", Uscc = Code, SubjectType = SubjectType.LegalPerson,
            };
            var hit = new SearchHit(document, 1, "常州某某<mark>有限公司</mark>（行政许可）", "准予许可。")
            {
                Subject = new SubjectSummary
                {
                    SubjectKey = Code, Name = "常州某某有限公司", Uscc = Code, SubjectType = SubjectType.LegalPerson,
                    Counts = new Dictionary<DocumentType, int> { [DocumentType.Licence] = 1 }, MatchedDocuments = 1,
                },
            };
            return Task.FromResult(new SearchResults(10_000, [hit], SearchFacets.Empty, request.Page, request.PageSize) { TotalIsLowerBound = true });
        }

        public Task UpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
        {
            await foreach (var _ in documents.WithCancellation(cancellationToken))
            {
            }
        }

        public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(0L);

        public Task<EngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => Task.FromResult(EngineHealth.Healthy);
    }
}
