using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The behaviour every <see cref="ISearchEngine"/> must show, whatever is behind it. A subclass supplies a
/// fresh, empty engine per test (xUnit makes a new instance of the class for every test); the embedded engine runs it
/// over a temporary folder, the Elasticsearch engine over a throw-away index. The tests are skippable facts and theories
/// and each starts with <see cref="NewEngineAsync"/>, so a subclass whose engine is not available on this machine skips
/// them from <see cref="CreateEngineAsync"/>; for any other subclass they are ordinary tests.</summary>
public abstract class SearchEngineContract : IAsyncLifetime
{
    private readonly List<ISearchEngine> _engines = [];

    /// <summary>A new engine over a new, empty index; may call <see cref="Skip.If(bool, string)"/> when the engine cannot
    /// run here.</summary>
    protected abstract Task<ISearchEngine> CreateEngineAsync();

    /// <summary>Removes whatever <see cref="CreateEngineAsync"/> made (folders, indices), after the engines are disposed.
    /// Runs for skipped tests too, and must not throw then: a second exception would turn the skip into a failure.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            switch (engine)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }

        await CleanupAsync();
    }

    protected async Task<ISearchEngine> NewEngineAsync(params SearchDocument[] documents)
    {
        var engine = await CreateEngineAsync();
        _engines.Add(engine);
        if (documents.Length > 0)
        {
            await engine.UpsertAsync(documents);
        }

        return engine;
    }

    protected static SearchRequest Request(string? text = null) => new() { Text = text, Today = Today };

    protected static List<string> Ids(SearchResults results) => results.Hits.Select(h => h.Document.Id).ToList();

    // ---- Chinese names by any meaningful part ----

    [SkippableTheory]
    [InlineData("诚信食品")]
    [InlineData("天宁")]
    [InlineData("食品")]
    [InlineData("天宁区诚信")]
    [InlineData("常州市天宁区诚信食品有限公司")]
    [InlineData("诚信食品有限公司")]
    public async Task FindsCompanyByAnyPartOfItsChineseName(string part)
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州市天宁区诚信食品有限公司"),
            Entry("E-2", "常州恒达建材有限公司", field: "工程质量", department: "市住房和城乡建设局"));

        var results = await engine.SearchAsync(Request(part));

        Assert.Contains("entry:E-1", Ids(results));
        Assert.Equal("entry:E-1", Ids(results)[0]);
    }

    [SkippableFact]
    public async Task FindsCompanyByBrandNameTheDictionaryDoesNotKnow()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州市天宁区诚信食品有限公司"),
            Entry("E-2", "常州恒达建材有限公司", field: "工程质量", department: "市住房和城乡建设局"));

        var results = await engine.SearchAsync(Request("恒达"));

        Assert.Equal(["entry:E-2"], Ids(results));
    }

    [SkippableFact]
    public async Task DoesNotReturnNamesThatShareOnlyOneCharacterWithTheQuery()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州恒达建材有限公司"),
            Entry("E-2", "常州达信物流有限公司", field: "交通运输", department: "市交通局"));

        var results = await engine.SearchAsync(Request("恒达"));

        Assert.DoesNotContain("entry:E-2", Ids(results));
    }

    [SkippableFact]
    public async Task FindsPersonBySurnameAlone()
    {
        var engine = await NewEngineAsync(PersonEntry("P-1", "张明", ResidentId(1)), Entry("E-1", "常州恒达建材有限公司"));

        var results = await engine.SearchAsync(Request("张"));

        Assert.Equal(["entry:P-1"], Ids(results));
    }

    [SkippableFact]
    public async Task RanksAMatchInTheNameAboveAMentionInTheBody()
    {
        var engine = await NewEngineAsync(
            Entry("E-BODY", "常州龙城电子有限公司", body: "该公司与常州诚信食品有限公司存在合同纠纷，被列入黑名单。"),
            Entry("E-NAME", "常州诚信食品有限公司", body: "未按规定履行食品安全义务。"));

        var results = await engine.SearchAsync(Request("诚信食品"));

        Assert.Equal(["entry:E-NAME", "entry:E-BODY"], Ids(results));
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [SkippableFact]
    public async Task FindsEntriesByDepartmentAndDecisionNumberText()
    {
        var entry = Entry("E-1", "常州恒达建材有限公司", department: "市住房和城乡建设局", field: "工程质量");
        var engine = await NewEngineAsync(entry, Entry("E-2", "常州诚信食品有限公司"));

        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("住房和城乡建设"))));
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request(entry.DecisionNumber))));
    }

    [SkippableFact]
    public async Task FoldsFullWidthAndCaseInLatinText()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州ABC科技有限公司"), Entry("E-2", "常州恒达建材有限公司"));

        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("ａｂｃ科技"))));
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("abc"))));
    }

    // ---- identifiers ----

    [SkippableFact]
    public async Task IdentifierByUsccReturnsOnlyThatSubjectsDocumentsIgnoringText()
    {
        var uscc = Uscc(12345678);
        var engine = await NewEngineAsync(
            Entry("E-1", "常州恒达建材有限公司", usccSerial: 12345678),
            Entry("E-2", "常州恒达建材有限公司", ListKind.Red, usccSerial: 12345678, field: "工程质量"),
            RoleModel("hengda", "常州恒达建材有限公司", uscc: uscc),
            Entry("E-3", "常州恒达建材二厂", usccSerial: 12345679));

        var results = await engine.SearchAsync(Request("完全无关的文字") with { Identifier = new IdentifierFilter(uscc, null) });

        Assert.Equal(3, results.Total);
        Assert.Equal(["entry:E-1", "entry:E-2", "role-model:hengda"], Ids(results).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task IdentifierByResidentIdHashFindsThePersonOnly()
    {
        var person = ResidentId(7);
        var engine = await NewEngineAsync(PersonEntry("P-1", "王芳", person), PersonEntry("P-2", "李强", ResidentId(8)));

        var results = await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(null, HashOf(person)) });

        var hit = Assert.Single(results.Hits);
        Assert.Equal("entry:P-1", hit.Document.Id);
        Assert.Equal(person.Masked, hit.Document.MaskedIdNumber);
    }

    [SkippableFact]
    public async Task IdentifiersNeverMatchPartially()
    {
        var uscc = Uscc(12345678);
        var person = ResidentId(7);
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司", usccSerial: 12345678), PersonEntry("P-1", "王芳", person));

        Assert.Empty((await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(uscc[..17], null) })).Hits);
        Assert.Empty((await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(uscc.ToLowerInvariant()[..17] + "Z", null) })).Hits);
        Assert.Empty((await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(null, HashOf(person)[..32]) })).Hits);
        Assert.Empty((await engine.SearchAsync(Request(uscc[..8]))).Hits);
        Assert.Empty((await engine.SearchAsync(Request(uscc[2..14]))).Hits);
    }

    [SkippableFact]
    public async Task EmptyIdentifierMatchesNothing()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司"));

        var results = await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(null, null) });

        Assert.Equal(0, results.Total);
    }

    // ---- user text is only text ----

    // Built at run time (not serialised at discovery), so lone surrogates and NULs reach the engine as they are.
    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "*", "?", "AND", "OR", "NOT", "\\", "(", ")", "~", ":", "^", "[", "]", "{", "}", "!", "+", "-", "&&", "||", "/",
        "诚信 AND 食品", "诚信\" OR \"1\"=\"1", "食品*", "title:诚信", "(诚信", "诚信~2", "[1 TO 5]", "{!lucene}", "/.*/", "诚信^100",
        "\\\"\\", "a\u0000b", "\u0007\u001b[31m", "\ud800", "\udc00诚信", "诚信\ud83d", "😀食品", "ｎｏｔ　ｐｈｒａｓｅ", "\u200b\u200b",
        "<script>alert(1)</script>", "' OR 1=1 --", "%00%22", "\r\n\t", new string('诚', 10_000), string.Concat(Enumerable.Repeat("\"(*", 3000)),
    };

    [SkippableTheory]
    [MemberData(nameof(HostileQueries), DisableDiscoveryEnumeration = true)]
    public async Task QuerySyntaxAndOddCharactersAreJustTextAndNeverThrow(string text)
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州市天宁区诚信食品有限公司"), Entry("E-2", "常州恒达建材有限公司"));

        var results = await engine.SearchAsync(Request(text));

        Assert.True(results.Total <= 2);
        Assert.All(results.Hits, h => Assert.DoesNotContain("<script", h.TitleHtml + h.SnippetHtml, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableTheory]
    [InlineData("\"诚信食品\"")]
    [InlineData("诚信食品*")]
    [InlineData("(诚信食品)")]
    [InlineData("诚信食品~")]
    [InlineData("+诚信食品")]
    [InlineData("诚信食品\\")]
    [InlineData("诚信食品:")]
    [InlineData("诚信食品 && || !")]
    public async Task SyntaxCharactersAroundANameStillFindIt(string text)
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州市天宁区诚信食品有限公司"), Entry("E-2", "常州恒达建材有限公司"));

        var results = await engine.SearchAsync(Request(text));

        Assert.Equal("entry:E-1", Ids(results).FirstOrDefault());
    }

    [SkippableFact]
    public async Task StarIsNotAWildcardAndAndIsNotAnOperator()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州市天宁区诚信食品有限公司"),
            Entry("E-2", "常州R AND D研发中心有限公司", field: "知识产权"));

        Assert.Equal(0, (await engine.SearchAsync(Request("*"))).Total);
        Assert.Equal(["entry:E-2"], Ids(await engine.SearchAsync(Request("AND"))));
    }

    [SkippableFact]
    public async Task VeryLongQueryIsCutAndStillAnswers()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州市天宁区诚信食品有限公司"));

        var results = await engine.SearchAsync(Request(string.Concat(Enumerable.Repeat("诚信食品 ", 20_000))));

        Assert.Equal(["entry:E-1"], Ids(results));
    }

    // ---- browsing, filters, dates ----

    [SkippableFact]
    public async Task EmptyTextBrowsesEverythingInPublicViewNewestFirst()
    {
        var engine = await NewEngineAsync(
            Entry("E-OLD", "常州恒达建材有限公司", decided: Today.AddMonths(-6)),
            Entry("E-NEW", "常州诚信食品有限公司", decided: Today.AddDays(-1)),
            Policy("notice", "关于印发信用建设任务分工的通知", "各辖市区人民政府……"),
            Entry("E-GONE", "常州过期公司", publicUntil: Today.AddDays(-1)));

        var results = await engine.SearchAsync(Request("   "));

        Assert.Equal(3, results.Total);
        Assert.Equal(["entry:E-NEW", "entry:E-OLD", "policy:notice"], Ids(results));
    }

    [SkippableFact]
    public async Task FiltersByListKind()
    {
        var engine = await NewEngineAsync([.. ManyEntries(30)]);

        var red = await engine.SearchAsync(Request() with { ListKind = ListKind.Red, PageSize = 100 });

        Assert.Equal(10, red.Total);
        Assert.All(red.Hits, h => Assert.Equal(ListKind.Red, h.Document.ListKind));
    }

    [SkippableFact]
    public async Task FiltersByFieldDepartmentAndSubjectType()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州恒达建材有限公司", field: "工程质量", department: "市住房和城乡建设局"),
            Entry("E-2", "常州诚信食品有限公司", field: "食品药品", department: "市市场监督管理局"),
            Entry("E-3", "常州恒达物流有限公司", field: "交通运输", department: "市交通局"),
            PersonEntry("P-1", "王芳", ResidentId(3), field: "司法执行", department: "市中级人民法院"));

        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request() with { Field = "工程质量" })));
        Assert.Equal(["entry:E-3"], Ids(await engine.SearchAsync(Request("恒达") with { IssuingDepartment = "市交通局" })));
        Assert.Equal(["entry:P-1"], Ids(await engine.SearchAsync(Request() with { SubjectType = SubjectType.NaturalPerson })));
        Assert.Equal(3, (await engine.SearchAsync(Request() with { SubjectType = SubjectType.LegalPerson })).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request() with { Field = "工程" })).Total);
    }

    [SkippableFact]
    public async Task FiltersBySubjectKey()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州恒达建材有限公司", usccSerial: 111),
            Entry("E-2", "常州恒达建材有限公司", ListKind.Red, usccSerial: 111),
            Entry("E-3", "常州恒达建材有限公司", usccSerial: 112));

        var results = await engine.SearchAsync(Request() with { SubjectKey = Uscc(111) });

        Assert.Equal(["entry:E-1", "entry:E-2"], Ids(results).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task FiltersByDocumentTypes()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州诚信食品有限公司"),
            RoleModel("rm", "常州诚信机械有限公司"),
            Policy("p", "诚信建设政策", "诚信建设"),
            Announcement("a", "诚信红黑名单公示", "诚信"));

        var results = await engine.SearchAsync(Request("诚信") with { Types = [DocumentType.Policy, DocumentType.Announcement] });

        Assert.Equal(["announcement:a", "policy:p"], Ids(results).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task FiltersByDecisionDateRangeInclusive()
    {
        var engine = await NewEngineAsync(
            Entry("E-BEFORE", "常州甲公司", decided: new DateOnly(2025, 2, 28)),
            Entry("E-FROM", "常州乙公司", decided: new DateOnly(2025, 3, 1)),
            Entry("E-MID", "常州丙公司", decided: new DateOnly(2025, 3, 15)),
            Entry("E-TO", "常州丁公司", decided: new DateOnly(2025, 3, 31)),
            Entry("E-AFTER", "常州戊公司", decided: new DateOnly(2025, 4, 1)));

        var between = await engine.SearchAsync(Request() with { DecidedFrom = new DateOnly(2025, 3, 1), DecidedTo = new DateOnly(2025, 3, 31) });
        var from = await engine.SearchAsync(Request() with { DecidedFrom = new DateOnly(2025, 3, 31) });
        var to = await engine.SearchAsync(Request() with { DecidedTo = new DateOnly(2025, 2, 28) });

        Assert.Equal(["entry:E-FROM", "entry:E-MID", "entry:E-TO"], Ids(between).Order(StringComparer.Ordinal));
        Assert.Equal(["entry:E-AFTER", "entry:E-TO"], Ids(from).Order(StringComparer.Ordinal));
        Assert.Equal(["entry:E-BEFORE"], Ids(to));
    }

    // ---- facets ----

    [SkippableFact]
    public async Task FacetCountsEqualWhatTheFilteredSearchReturns()
    {
        var engine = await NewEngineAsync([
            .. ManyEntries(60),
            PersonEntry("P-1", "王芳", ResidentId(1)),
            RoleModel("rm", "常州恒达纺织有限公司"),
            Policy("p", "常州诚信建设政策", "恒达"),
            Entry("E-GONE", "常州恒达建材有限公司", publicUntil: Today.AddDays(-1)),
        ]);
        var baseRequest = Request("常州");
        var results = await engine.SearchAsync(baseRequest);

        Assert.Equal(results.Total, results.Facets["type"].Sum(v => v.Count));
        Assert.Contains(results.Facets["type"], v => v.Value == "role_model" && v.Count == 1);
        foreach (var value in results.Facets["type"])
        {
            Assert.True(DocumentTypeText.TryParseDocumentType(value.Value, out var type), value.Value);
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { Types = [type] })).Total);
        }

        foreach (var value in results.Facets["list_kind"])
        {
            Assert.True(DomainText.TryParseListKind(value.Value, out var kind), value.Value);
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { ListKind = kind })).Total);
        }

        foreach (var value in results.Facets["subject_type"])
        {
            Assert.True(DomainText.TryParseSubjectType(value.Value, out var subjectType), value.Value);
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { SubjectType = subjectType })).Total);
        }

        Assert.True(results.Facets["field"].Count > 5);
        foreach (var value in results.Facets["field"])
        {
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { Field = value.Value })).Total);
        }

        Assert.True(results.Facets["department"].Count > 5);
        foreach (var value in results.Facets["department"])
        {
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { IssuingDepartment = value.Value })).Total);
        }
    }

    [SkippableFact]
    public async Task FacetsFollowTheFiltersAndLeaveHiddenEntriesOut()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州恒达建材有限公司", ListKind.Black, field: "工程质量"),
            Entry("E-2", "常州恒达食品有限公司", ListKind.Red, field: "食品药品"),
            Entry("E-3", "常州恒达机械有限公司", ListKind.Black, field: "安全生产", status: EntryStatus.Exited),
            Entry("E-4", "常州恒达物流有限公司", ListKind.Black, field: "交通运输", publicUntil: Today.AddDays(-1)));

        var all = await engine.SearchAsync(Request("恒达"));
        var black = await engine.SearchAsync(Request("恒达") with { ListKind = ListKind.Black });

        Assert.Equal([new FacetValue("black", 1), new FacetValue("red", 1)], all.Facets["list_kind"]);
        Assert.Equal([new FacetValue("list_entry", 2)], all.Facets["type"]);
        Assert.Equal([new FacetValue("工程质量", 1)], black.Facets["field"]);
        Assert.Equal([new FacetValue("black", 1)], black.Facets["list_kind"]);
    }

    [SkippableFact]
    public async Task FacetsAreEmptyWhenNotAskedFor()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司"));

        var results = await engine.SearchAsync(Request() with { WithFacets = false });

        Assert.Empty(results.Facets["type"]);
        Assert.Equal(1, results.Total);
    }

    // ---- sort and paging ----

    [SkippableFact]
    public async Task NewestSortOrdersByDateThenId()
    {
        var engine = await NewEngineAsync(
            Entry("E-B", "常州恒达建材有限公司", decided: new DateOnly(2025, 5, 1)),
            Entry("E-A", "常州恒达食品有限公司", decided: new DateOnly(2025, 5, 1)),
            Entry("E-C", "常州恒达机械有限公司", decided: new DateOnly(2025, 6, 1)),
            Entry("E-D", "常州恒达纺织有限公司", decided: new DateOnly(2024, 12, 1)));

        var results = await engine.SearchAsync(Request("恒达") with { Sort = SearchSort.Newest });

        Assert.Equal(["entry:E-C", "entry:E-A", "entry:E-B", "entry:E-D"], Ids(results));
    }

    [SkippableFact]
    public async Task PagesAreDisjointAndCoverEverythingAndAPageBeyondTheEndIsEmpty()
    {
        var engine = await NewEngineAsync([.. ManyEntries(25)]);
        var seen = new List<string>();

        for (var page = 1; page <= 3; page++)
        {
            var results = await engine.SearchAsync(Request("常州") with { Page = page, PageSize = 10, Sort = SearchSort.Newest });
            Assert.Equal(25, results.Total);
            Assert.Equal(3, results.PageCount);
            Assert.Equal(page < 3 ? 10 : 5, results.Hits.Count);
            seen.AddRange(Ids(results));
        }

        var beyond = await engine.SearchAsync(Request("常州") with { Page = 4, PageSize = 10 });
        var farBeyond = await engine.SearchAsync(Request() with { Page = 1_000_000, PageSize = 100 });

        Assert.Equal(25, seen.Distinct().Count());
        Assert.Empty(beyond.Hits);
        Assert.Equal(25, beyond.Total);
        Assert.Empty(farBeyond.Hits);
        Assert.Equal(25, farBeyond.Total);
    }

    [SkippableFact]
    public async Task PageSizeIsClampedBetweenOneAndOneHundred()
    {
        var engine = await NewEngineAsync([.. ManyEntries(120)]);

        var zero = await engine.SearchAsync(Request() with { PageSize = 0, Page = 0 });
        var huge = await engine.SearchAsync(Request() with { PageSize = 100_000 });

        Assert.Single(zero.Hits);
        Assert.Equal(1, zero.Page);
        Assert.Equal(100, huge.Hits.Count);
        Assert.Equal(100, huge.PageSize);
        Assert.Equal(120, huge.Total);
    }

    // ---- highlighting ----

    [SkippableFact]
    public async Task HighlightsMarkMatchesAndEncodeEverythingElse()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州<b>诚信</b>食品有限公司",
            body: "<script>alert('x')</script> 该公司 & 诚信食品经营部存在违法行为。"));

        var hit = Assert.Single((await engine.SearchAsync(Request("诚信"))).Hits);

        Assert.Contains("&lt;script&gt;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("&amp;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>诚信</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", hit.TitleHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>诚信</mark>", hit.TitleHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", hit.TitleHtml, StringComparison.Ordinal);
        var markup = System.Text.RegularExpressions.Regex.Replace(hit.TitleHtml + hit.SnippetHtml, "</?mark>", "");
        Assert.DoesNotContain('<', markup);
    }

    [SkippableFact]
    public async Task SnippetIsAboutOneHundredTwentyCharactersAroundTheFirstMatch()
    {
        var body = new string('甲', 300) + "诚信食品" + new string('乙', 300);
        var engine = await NewEngineAsync(Entry("E-1", "常州某某有限公司", body: body));

        var hit = Assert.Single((await engine.SearchAsync(Request("诚信食品"))).Hits);
        var text = hit.SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);

        Assert.Contains("<mark>诚信食品</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.InRange(text.Length, 100, 140);
    }

    [SkippableFact]
    public async Task SnippetWithoutAMatchInTheBodyIsTheStartOfTheBody()
    {
        var body = "本条目记录了行政处罚决定。" + new string('丙', 400);
        var engine = await NewEngineAsync(Entry("E-1", "常州诚信食品有限公司", body: body));

        var byName = Assert.Single((await engine.SearchAsync(Request("诚信食品"))).Hits);
        var browsed = Assert.Single((await engine.SearchAsync(Request())).Hits);

        Assert.StartsWith("本条目记录了行政处罚决定。", byName.SnippetHtml, StringComparison.Ordinal);
        Assert.StartsWith("本条目记录了行政处罚决定。", browsed.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", browsed.SnippetHtml + browsed.TitleHtml, StringComparison.Ordinal);
    }

    // ---- visibility ----

    [SkippableFact]
    public async Task EntryLeavesPublicViewTheDayAfterItsPublicUntil()
    {
        var engine = await NewEngineAsync(
            Entry("E-YESTERDAY", "常州恒达建材有限公司", publicUntil: Today.AddDays(-1)),
            Entry("E-TODAY", "常州恒达食品有限公司", publicUntil: Today));

        Assert.Equal(["entry:E-TODAY"], Ids(await engine.SearchAsync(Request("恒达"))));
        Assert.Equal(["entry:E-TODAY"], Ids(await engine.SearchAsync(Request())));
        Assert.Empty((await engine.SearchAsync(Request("恒达") with { Today = Today.AddDays(1) })).Hits);
        Assert.Equal(2, (await engine.SearchAsync(Request("恒达") with { Today = Today.AddDays(-1) })).Total);
    }

    [SkippableTheory]
    [InlineData(EntryStatus.Exited)]
    [InlineData(EntryStatus.Repaired)]
    public async Task ExitedAndRepairedEntriesAreNeverReturned(EntryStatus status)
    {
        var uscc = Uscc(4242);
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司", usccSerial: 4242, status: status));

        Assert.Equal(0, (await engine.SearchAsync(Request("恒达"))).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request())).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(uscc, null) })).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request() with { SubjectKey = uscc })).Total);
    }

    [SkippableFact]
    public async Task EntryUnderObjectionStaysVisibleWithItsStatus()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司", status: EntryStatus.UnderObjection));

        var hit = Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);

        Assert.Equal(EntryStatus.UnderObjection, hit.Document.Status);
    }

    [SkippableFact]
    public async Task ContentDocumentsAreAlwaysVisible()
    {
        var engine = await NewEngineAsync(Policy("old", "2019年信用体系建设通知", "任务分工", date: new DateOnly(2019, 1, 1)));

        var results = await engine.SearchAsync(Request("信用体系") with { Today = new DateOnly(2040, 1, 1) });

        Assert.Equal(["policy:old"], Ids(results));
    }

    // ---- one query, every type ----

    [SkippableFact]
    public async Task OneQueryReturnsEntriesRoleModelsPoliciesAndAnnouncementsWithTheirTypes()
    {
        var engine = await NewEngineAsync(
            Entry("E-1", "常州诚信食品有限公司"),
            RoleModel("rm", "常州诚信机械有限公司"),
            Policy("p", "关于加强诚信建设的实施意见", "推进诚信建设。"),
            Announcement("a", "2025年第二批诚信红名单公示", "现将诚信红名单予以公示。"),
            Entry("E-2", "常州恒达建材有限公司"));

        var results = await engine.SearchAsync(Request("诚信"));

        Assert.Equal(4, results.Total);
        Assert.Equal(
            [DocumentType.ListEntry, DocumentType.RoleModel, DocumentType.Policy, DocumentType.Announcement],
            results.Hits.Select(h => h.Document.Type).Order());
        Assert.Equal(4, results.Facets["type"].Count);
    }

    [SkippableFact]
    public async Task HitsCarryTheWholeDocument()
    {
        var entry = Entry("E-1", "常州恒达建材有限公司", ListKind.Black, usccSerial: 777, status: EntryStatus.UnderObjection) with
        {
            Severity = Severity.Serious,
            Category = "测试类别",
        };
        var engine = await NewEngineAsync(entry);

        var hit = Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);

        Assert.Equal(entry, hit.Document);
    }

    // ---- writes ----

    [SkippableFact]
    public async Task UpsertOfTheSameIdReplacesTheDocument()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司"));
        Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);

        await engine.UpsertAsync([Entry("E-1", "常州诚信食品有限公司")]);

        Assert.Equal(1, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("诚信食品"))));
    }

    [SkippableTheory]
    [InlineData(3)]
    [InlineData(3000)]
    public async Task UpsertOfABatchRepeatingAnIdKeepsItsLastOccurrence(int batchSize)
    {
        var engine = await NewEngineAsync();
        var batch = ManyEntries(batchSize - 1).Append(Entry("GEN-0000001", "常州卓越测绘有限公司", usccSerial: 1)).ToList();

        await engine.UpsertAsync(batch);

        Assert.Equal(batchSize - 1, await engine.CountAsync());
        Assert.Equal(["entry:GEN-0000001"], Ids(await engine.SearchAsync(Request("卓越测绘"))));
    }

    [SkippableFact]
    public async Task UpsertCanHideAnEntryByChangingItsStatus()
    {
        var entry = Entry("E-1", "常州恒达建材有限公司");
        var engine = await NewEngineAsync(entry);

        await engine.UpsertAsync([entry with { Status = EntryStatus.Repaired }]);

        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
    }

    [SkippableFact]
    public async Task DeleteRemovesOnlyTheNamedDocuments()
    {
        var engine = await NewEngineAsync(Entry("E-1", "常州恒达建材有限公司"), Entry("E-2", "常州恒达食品有限公司"));
        Assert.Equal(2, (await engine.SearchAsync(Request("恒达"))).Total);

        await engine.DeleteAsync(["entry:E-1", "entry:NOT-THERE"]);

        Assert.Equal(1, await engine.CountAsync());
        Assert.Equal(["entry:E-2"], Ids(await engine.SearchAsync(Request("恒达"))));
    }

    [SkippableFact]
    public async Task NewEngineIsEmptyAndHealthy()
    {
        var engine = await NewEngineAsync();

        Assert.Equal(0, await engine.CountAsync());
        Assert.Equal(EngineHealth.Healthy, await engine.CheckHealthAsync());
        var results = await engine.SearchAsync(Request("诚信"));
        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [SkippableFact]
    public async Task RebuildReplacesEverythingAndReportsProgress()
    {
        var engine = await NewEngineAsync([.. ManyEntries(10)]);
        var reported = new List<long>();

        await engine.RebuildAsync(Stream([Entry("E-NEW", "常州恒达建材有限公司"), Entry("E-NEW2", "常州诚信食品有限公司")]), new SyncProgress(reported));

        Assert.Equal(2, await engine.CountAsync());
        Assert.Equal(["entry:E-NEW"], Ids(await engine.SearchAsync(Request("恒达建材"))));
        Assert.Equal(2, reported.LastOrDefault());
    }

    [SkippableFact]
    public async Task RebuildWithARepeatedIdKeepsTheLastVersion()
    {
        var engine = await NewEngineAsync();

        await engine.RebuildAsync(Stream([Entry("E-1", "常州恒达建材有限公司"), Entry("E-2", "常州龙城电子有限公司"), Entry("E-1", "常州诚信食品有限公司")]));

        Assert.Equal(2, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("诚信食品"))));
    }

    [SkippableFact]
    public async Task BulkUpsertReplacesIndexedEntriesAddsNewOnesAndReportsProgress()
    {
        var engine = await NewEngineAsync(Entry("E-1", "溧阳南山竹海旅游有限公司"), Entry("E-KEEP", "金坛茅山茶业有限公司"));
        var reported = new List<long>();

        var written = await engine.UpsertAllAsync(
            Stream([Entry("E-1", "武进淹城文化有限公司"), .. ManyEntries(2500), Entry("E-NEW", "新北恐龙园游乐有限公司")]), new SyncProgress(reported));

        Assert.Equal(2502, written);
        Assert.Equal(2503, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("竹海"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("淹城"))));
        Assert.Equal(["entry:E-KEEP"], Ids(await engine.SearchAsync(Request("茅山"))));
        Assert.Equal(["entry:E-NEW"], Ids(await engine.SearchAsync(Request("恐龙园"))));
        Assert.Equal(2502, reported.LastOrDefault());
    }

    [SkippableFact]
    public async Task BulkUpsertWithARepeatedIdKeepsTheLastVersion()
    {
        var engine = await NewEngineAsync();

        await engine.UpsertAllAsync(Stream([Entry("E-1", "常州恒达建材有限公司"), Entry("E-2", "常州龙城电子有限公司"), Entry("E-1", "常州诚信食品有限公司")]));

        Assert.Equal(2, await engine.CountAsync());
        Assert.Empty((await engine.SearchAsync(Request("恒达"))).Hits);
        Assert.Equal(["entry:E-1"], Ids(await engine.SearchAsync(Request("诚信食品"))));
    }

    [SkippableFact]
    public async Task BulkWritesWithManyRepeatedIdsKeepOnlyTheLastOfEach()
    {
        // Each id twice in a row, the second time exited (hidden): two threads pick up the two occurrences at about the
        // same moment, and the later one must still win.
        var stream = ManyEntries(3000).SelectMany(d => new[] { d, d with { Status = EntryStatus.Exited } }).ToList();
        var upserted = await NewEngineAsync();
        var rebuilt = await NewEngineAsync();

        await upserted.UpsertAllAsync(Stream(stream));
        await rebuilt.RebuildAsync(Stream(stream));

        foreach (var engine in new[] { upserted, rebuilt })
        {
            Assert.Equal(3000, await engine.CountAsync());
            Assert.Equal(0, (await engine.SearchAsync(Request("常州"))).Total);
        }
    }

    [SkippableFact]
    public async Task LargeBatchesAreIndexedCompletely()
    {
        var engine = await NewEngineAsync();
        var documents = ManyEntries(5000).ToList();

        await engine.UpsertAsync(documents);
        await engine.UpsertAsync(documents.Take(2500).Select(d => d with { Status = EntryStatus.Exited }).ToList());

        Assert.Equal(5000, await engine.CountAsync());
        Assert.Equal(2500, (await engine.SearchAsync(Request("常州"))).Total);
    }

    [SkippableFact]
    public async Task RebuildSwapsAtomicallyWhileSearchesGoOn()
    {
        const int OldCount = 200;
        const int NewCount = 300;
        var engine = await NewEngineAsync([.. ManyEntries(OldCount)]);
        using var stop = new CancellationTokenSource();
        var totals = new List<long>();
        Task? searching = null;

        // Waits for a few more searches (or for the searching loop to fail, which the final await rethrows), so
        // searches surely run at that point however the threads are scheduled.
        async Task SomeSearchesRunAsync(string when)
        {
            int Count()
            {
                lock (totals)
                {
                    return totals.Count;
                }
            }

            var before = Count();
            await Eventually.UntilAsync(() => Count() >= before + 3 || searching is { IsCompleted: true }, $"no search ran {when}");
        }

        searching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var results = await engine.SearchAsync(Request("常州"));
                lock (totals)
                {
                    totals.Add(results.Total);
                }
            }
        });

        await engine.RebuildAsync(PausingHalfway(ManyEntries(NewCount, firstSerial: 5000).ToList(), () => SomeSearchesRunAsync("while the new index was half built")));
        var afterSwap = await engine.SearchAsync(Request("常州"));
        await SomeSearchesRunAsync("after the swap");
        await stop.CancelAsync();
        await searching; // rethrows any failed search

        Assert.Equal(NewCount, afterSwap.Total);
        Assert.NotEmpty(totals);
        Assert.All(totals, t => Assert.True(t is OldCount or NewCount, $"a search saw {t} documents"));
        Assert.Contains((long)OldCount, totals);
    }

    private static async IAsyncEnumerable<SearchDocument> Stream(IEnumerable<SearchDocument> documents)
    {
        foreach (var document in documents)
        {
            await Task.Yield();
            yield return document;
        }
    }

    /// <summary>Hands over the first half of <paramref name="documents"/>, waits for <paramref name="halfway"/>, then
    /// hands over the rest: whatever runs meanwhile meets a half-built new index.</summary>
    private static async IAsyncEnumerable<SearchDocument> PausingHalfway(List<SearchDocument> documents, Func<Task> halfway)
    {
        var i = 0;
        foreach (var document in documents)
        {
            if (i++ == documents.Count / 2)
            {
                await halfway();
            }

            yield return document;
        }
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; tests want the reports in order and complete.</summary>
    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
