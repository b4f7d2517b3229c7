using CreditSite.Search;
using CreditSite.Search.Embedded;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The embedded engine's bound on very broad queries (<see cref="EmbeddedIndexSettings.SampleAbove"/>): a text
/// query whose terms occur in more postings than the bound is ranked, counted and faceted over the matches in slices
/// spread over the whole index, and says so; anything narrower, and every browse, stays exact. The index here is small
/// and the bound lowered to match, as 常州 over 5M records is to the default.</summary>
public sealed class BroadQuerySampleTests : IAsyncLifetime, IDisposable
{
    private const int Entries = 600;
    private const int Penalties = 600;
    private const int Priced = 3;
    private const int Bound = 300;
    private const string Syllables = "安百诚达鼎丰福广海和弘华佳金锦凯康利隆茂明南鹏启瑞润盛顺泰天万旺祥鑫兴洋永裕远正中";

    private readonly TemporaryDataFolder _data = new();
    private EmbeddedSearchEngine _sampling = null!;
    private EmbeddedSearchEngine _exact = null!;

    /// <summary>Subjects 1–600 on the black list (written first), subjects 601–1200 each with a penalty (written last),
    /// one 恒达 company and three entries in the 价格 field; every name but 恒达's shares 常州. Two engines over that index: one with the default bound,
    /// which counts exactly here, and one with the lowered bound.</summary>
    public async Task InitializeAsync()
    {
        _exact = new EmbeddedSearchEngine(_data.Path);
        var documents = new List<SearchDocument>();
        for (var serial = 1; serial <= Entries + Penalties; serial++)
        {
            var name = $"常州{Syllables[serial % Syllables.Length]}{Syllables[serial / Syllables.Length % Syllables.Length]}建材有限公司";
            documents.Add(serial <= Entries
                ? Entry($"E-{serial}", name, usccSerial: serial, decided: Today.AddDays(-serial % 300))
                : Penalty($"CF-{serial}", name, serial, ["罚款"], field: "税务", decided: Today.AddDays(-serial % 300)));
        }

        documents.Add(Entry("E-HD", "武进恒达食品有限公司", usccSerial: 5000));
        for (var serial = 3001; serial < 3001 + Priced; serial++)
        {
            documents.Add(Entry($"E-{serial}", $"常州{Syllables[serial % Syllables.Length]}价格商行", usccSerial: serial, field: "价格"));
        }

        await _exact.UpsertAsync(documents);
        _sampling = new EmbeddedSearchEngine(_data.Path, settings: new EmbeddedIndexSettings { SampleAbove = Bound });
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _sampling?.Dispose();
        _exact?.Dispose();
        _data.Dispose();
    }

    private static SearchRequest Grouped(string? text, int page = 1) =>
        new() { Text = text, Today = Today, GroupBySubject = true, Page = page, PageSize = 20 };

    [Fact]
    public async Task ATextQueryBeyondTheBoundIsAnsweredFromASampleAndSaysThatItsCountsAreLowerBounds()
    {
        var all = await _exact.SearchAsync(Grouped("常州"));
        var sample = await _sampling.SearchAsync(Grouped("常州"));

        Assert.Equal(Entries + Penalties + Priced, all.Total);
        Assert.False(all.CountedFromSample);
        Assert.False(all.TotalIsLowerBound);

        Assert.True(sample.CountedFromSample);
        Assert.True(sample.TotalIsLowerBound);
        Assert.InRange(sample.Total, 20, Entries + Penalties + Priced - 1);
        Assert.Equal(20, sample.Hits.Count);
        Assert.All(sample.Hits, hit => Assert.Contains("常州", hit.Document.Title, StringComparison.Ordinal));
        Assert.All(sample.Hits, hit => Assert.Equal(1, hit.Subject!.MatchedDocuments));

        // Every facet count is at most the exact one, and counts only what the sample saw.
        foreach (var value in sample.Facets["type"])
        {
            Assert.InRange(value.Count, 1, all.Facets["type"].Single(v => v.Value == value.Value).Count);
        }

        Assert.Equal(sample.Total, sample.Facets["type"].Sum(v => v.Count));
    }

    [Fact]
    public async Task TheSampleReachesEveryPartOfTheIndexNotOnlyWhatWasWrittenFirst()
    {
        var sample = await _sampling.SearchAsync(Grouped("常州"));

        // List entries were written first and penalties last: both are in the sample, in about their shares.
        var byType = sample.Facets["type"].ToDictionary(v => v.Value, v => v.Count);
        Assert.InRange(byType[DocumentType.ListEntry.Code()], sample.Total / 4, sample.Total * 3 / 4);
        Assert.InRange(byType[DocumentType.Penalty.Code()], sample.Total / 4, sample.Total * 3 / 4);
    }

    [Fact]
    public async Task AFullNameTypedInFindsThatCompanyFirstEvenWhenTheAnswerIsSampled()
    {
        // Nine bigrams, three quarters of which must match: the common ones (常州, 有限, 公司 …) make it very broad.
        var name = (await _exact.SearchAsync(new SearchRequest { Text = "CF-1111", Today = Today })).Hits.Single().Document.SubjectName!;
        // One row a page: the sample (with the name phrase's matches) fills it, so the answer stays a sampled one.
        var sample = await _sampling.SearchAsync(Grouped(name) with { PageSize = 1 });

        Assert.True(sample.CountedFromSample);
        Assert.Equal(name, sample.Hits[0].Subject!.Name);
        Assert.Equal(Uscc(1111), sample.Hits[0].Subject!.SubjectKey);
    }

    [Fact]
    public async Task PagesOfASampledAnswerFollowOnWithoutRepeatsAndTheSameQueryGivesTheSameRows()
    {
        var first = await _sampling.SearchAsync(Grouped("常州"));
        var second = await _sampling.SearchAsync(Grouped("常州", page: 2));
        var again = await _sampling.SearchAsync(Grouped("常州"));

        var firstKeys = first.Hits.Select(h => h.Subject!.SubjectKey).ToList();
        Assert.Equal(20, second.Hits.Count);
        Assert.Empty(firstKeys.Intersect(second.Hits.Select(h => h.Subject!.SubjectKey)));
        Assert.Equal(firstKeys, again.Hits.Select(h => h.Subject!.SubjectKey));
        Assert.Equal(first.Total, second.Total);
    }

    [Theory]
    [InlineData(1)] // the last month holds enough subjects
    [InlineData(8)] // page 8 needs 160 rows: more than the last month holds, so the engine reaches further back
    public async Task NewestFirstABroadQueryStillListsTheTrulyNewestSubjectsWhileItsCountsComeFromTheSample(int page)
    {
        var exactPage = await _exact.SearchAsync(Grouped("常州", page) with { Sort = SearchSort.Newest });
        var sample = await _sampling.SearchAsync(Grouped("常州", page) with { Sort = SearchSort.Newest });

        Assert.True(sample.CountedFromSample);
        Assert.False(exactPage.CountedFromSample);
        Assert.Equal(20, exactPage.Hits.Count);
        Assert.Equal(exactPage.Hits.Select(h => h.Subject!.SubjectKey), sample.Hits.Select(h => h.Subject!.SubjectKey));
        Assert.Equal(exactPage.Hits.Select(h => h.Document.Date), sample.Hits.Select(h => h.Document.Date));
    }

    [Fact]
    public async Task FiltersStillHoldForEveryRowOfASampledAnswer()
    {
        var sample = await _sampling.SearchAsync(Grouped("常州") with { Types = [DocumentType.Penalty] });

        Assert.True(sample.CountedFromSample);
        Assert.NotEmpty(sample.Hits);
        Assert.All(sample.Hits, hit => Assert.Equal(DocumentType.Penalty, hit.Document.Type));
        Assert.All(sample.Hits, hit => Assert.Equal("税务", hit.Document.Field));
    }

    [Fact]
    public async Task ABroadQueryWhoseFilterLeavesTooFewSubjectsForTheSampleIsAnsweredExactly()
    {
        var answer = await _sampling.SearchAsync(Grouped("常州") with { Field = "价格" });

        Assert.False(answer.CountedFromSample);
        Assert.False(answer.TotalIsLowerBound);
        Assert.Equal(Priced, answer.Total);
        Assert.All(answer.Hits, hit => Assert.EndsWith("价格商行", hit.Document.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANarrowQueryAndABrowseStayExactWhateverTheBound()
    {
        var narrow = await _sampling.SearchAsync(Grouped("恒达"));
        var browse = await _sampling.SearchAsync(Grouped(null) with { Types = [DocumentType.Penalty] });

        Assert.False(narrow.CountedFromSample);
        Assert.Equal(1, narrow.Total);
        Assert.Equal("武进恒达食品有限公司", Assert.Single(narrow.Hits).Document.Title);

        // A browse lists the newest first, which only a walk over every match can know.
        Assert.False(browse.CountedFromSample);
        Assert.False(browse.TotalIsLowerBound);
        Assert.Equal(Penalties, browse.Total);
        Assert.Equal(Today, browse.Hits[0].Document.Date);
    }
}
