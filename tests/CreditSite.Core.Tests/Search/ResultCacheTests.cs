using CreditSite.Domain;
using CreditSite.Search;
using CreditSite.Search.Embedded;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The embedded engine's per-snapshot answer cache: bounded, and never stale.</summary>
public sealed class ResultCacheTests : IDisposable
{
    private readonly TemporaryDataFolder _data = new();

    public void Dispose() => _data.Dispose();

    private static SearchResults Answer(params SearchDocument[] documents) =>
        new(documents.Length, documents.Select(d => new SearchHit(d, 1, d.Title, d.Body)).ToList(), SearchFacets.Empty, 1, 20);

    [Fact]
    public void StartsOverWhenTheEntryLimitIsReached()
    {
        var cache = new ResultCache(maxEntries: 2, maxBytes: long.MaxValue);
        cache.Add("a", Answer(Entry("E-1", "常州恒达建材有限公司")));
        cache.Add("b", Answer(Entry("E-2", "常州诚信食品有限公司")));

        cache.Add("c", Answer(Entry("E-3", "常州龙城电子有限公司")));

        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out var c));
        Assert.Equal("entry:E-3", c.Hits[0].Document.Id);
    }

    [Fact]
    public void StartsOverWhenTheSizeBudgetIsReached()
    {
        var answer = Answer([.. ManyEntries(20)]);
        var size = ResultCache.EstimateBytes("a", answer);
        var cache = new ResultCache(maxEntries: 1000, maxBytes: size * 3 / 2);
        cache.Add("a", answer);
        Assert.Equal(size, cache.Bytes);

        cache.Add("b", answer);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("b", out _));
        Assert.True(cache.Bytes <= size * 3 / 2);
    }

    [Fact]
    public void SizeEstimateCountsTheTextOfEveryHit()
    {
        var one = ResultCache.EstimateBytes("k", Answer(Entry("E-1", "常州恒达建材有限公司")));
        var twenty = ResultCache.EstimateBytes("k", Answer([.. ManyEntries(20)]));

        Assert.InRange(one, 1_000, 10_000);
        Assert.True(twenty > 15 * one, $"20 hits estimated at {twenty} bytes, one at {one}");
    }

    [Theory]
    [InlineData(8192)]
    [InlineData(0)]
    public async Task RepeatedSearchSeesWritesMadeSinceTheFirstAnswer(int cacheEntries)
    {
        using var engine = new EmbeddedSearchEngine(_data.Path, settings: new EmbeddedIndexSettings { ResultCacheEntries = cacheEntries });
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司")]);
        var request = new SearchRequest { Text = "恒达", Today = Today };
        Assert.Equal(1, (await engine.SearchAsync(request)).Total);
        Assert.Equal(1, (await engine.SearchAsync(request)).Total);

        await engine.UpsertAsync([Entry("E-2", "常州恒达物流有限公司")]);
        Assert.Equal(2, (await engine.SearchAsync(request)).Total);

        await engine.DeleteAsync(["entry:E-1"]);
        Assert.Equal(["entry:E-2"], (await engine.SearchAsync(request)).Hits.Select(h => h.Document.Id));
    }

    /// <summary>Each property of <see cref="SearchRequest"/> changed on its own, from a request that sets none.</summary>
    public static TheoryData<string> RequestProperties => new(typeof(SearchRequest).GetProperties().Select(p => p.Name));

    private static SearchRequest Changed(SearchRequest request, string property) => property switch
    {
        nameof(SearchRequest.Text) => request with { Text = "诚信" },
        nameof(SearchRequest.Identifier) => request with { Identifier = new IdentifierFilter(Uscc(1), null) },
        nameof(SearchRequest.Types) => request with { Types = [DocumentType.Penalty] },
        nameof(SearchRequest.ListKind) => request with { ListKind = ListKind.Red },
        nameof(SearchRequest.Field) => request with { Field = "税务" },
        nameof(SearchRequest.IssuingDepartment) => request with { IssuingDepartment = "市生态环境局" },
        nameof(SearchRequest.SubjectType) => request with { SubjectType = SubjectType.IndividualBusiness },
        nameof(SearchRequest.SubjectKey) => request with { SubjectKey = Uscc(2) },
        nameof(SearchRequest.DecidedFrom) => request with { DecidedFrom = Today.AddYears(-1) },
        nameof(SearchRequest.DecidedTo) => request with { DecidedTo = Today },
        nameof(SearchRequest.Category) => request with { Category = "特许" },
        nameof(SearchRequest.PenaltyType) => request with { PenaltyType = "罚款" },
        nameof(SearchRequest.Sort) => request with { Sort = SearchSort.Newest },
        nameof(SearchRequest.Page) => request with { Page = 2 },
        nameof(SearchRequest.PageSize) => request with { PageSize = 50 },
        nameof(SearchRequest.Today) => request with { Today = Today.AddDays(1) },
        nameof(SearchRequest.WithFacets) => request with { WithFacets = false },
        nameof(SearchRequest.GroupBySubject) => request with { GroupBySubject = true },
        _ => throw new InvalidOperationException($"SearchRequest.{property} is new: say how it changes the answer, and key the cache by it."),
    };

    [Theory]
    [MemberData(nameof(RequestProperties))]
    public void EveryPropertyOfARequestIsPartOfTheCacheKey(string property)
    {
        var plain = new SearchRequest { Today = Today };
        var changed = Changed(plain, property);

        Assert.NotEqual(
            ResultCache.KeyOf(plain, SearchAnalysis.CleanQueryText(plain.Text), plain.Page, plain.PageSize),
            ResultCache.KeyOf(changed, SearchAnalysis.CleanQueryText(changed.Text), changed.Page, changed.PageSize));
    }

    [Fact]
    public async Task AnswersForAnotherCategoryOrPenaltyTypeAreNotServedFromTheCache()
    {
        using var engine = new EmbeddedSearchEngine(_data.Path);
        await engine.UpsertAsync([
            Licence("XK-1", "常州恒达建材有限公司", category: "普通"),
            Licence("XK-2", "常州恒达食品有限公司", category: "特许"),
            Penalty("CF-1", "常州恒达机械有限公司", penaltyTypes: ["警告"]),
        ]);

        Assert.Equal(["licence:XK-1"], (await engine.SearchAsync(new SearchRequest { Category = "普通", Today = Today })).Hits.Select(h => h.Document.Id));
        Assert.Equal(["licence:XK-2"], (await engine.SearchAsync(new SearchRequest { Category = "特许", Today = Today })).Hits.Select(h => h.Document.Id));
        Assert.Equal(1, (await engine.SearchAsync(new SearchRequest { PenaltyType = "警告", Today = Today })).Total);
        Assert.Equal(0, (await engine.SearchAsync(new SearchRequest { PenaltyType = "罚款", Today = Today })).Total);
    }

    [Fact]
    public async Task AnswersForAnotherDayAreNotServedFromTheCache()
    {
        using var engine = new EmbeddedSearchEngine(_data.Path);
        await engine.UpsertAsync([Entry("E-1", "常州恒达建材有限公司", publicUntil: Today)]);

        Assert.Equal(1, (await engine.SearchAsync(new SearchRequest { Text = "恒达", Today = Today })).Total);
        Assert.Equal(0, (await engine.SearchAsync(new SearchRequest { Text = "恒达", Today = Today.AddDays(1) })).Total);
    }
}
