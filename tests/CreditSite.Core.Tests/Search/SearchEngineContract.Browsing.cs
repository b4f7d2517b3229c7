using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The contract, part 2: browsing, filters, facets, sort, paging and highlighting.</summary>
public abstract partial class SearchEngineContract
{
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

    [SkippableFact]
    public async Task ABrowseWithSeveralFiltersOverManyDocumentsFindsExactlyThoseInEveryFilter()
    {
        // 300 records, more than a few 64-document words of a bit set: every third a penalty, half of those with 警告,
        // every fifth of those repaired (out of view); one subject each, one day apart.
        var documents = new List<SearchDocument>();
        for (var i = 0; i < 300; i++)
        {
            var name = $"常州恒达第{i}建材有限公司";
            documents.Add(i % 3 == 0
                ? Penalty($"CF-{i}", name, 300 + i, [i % 2 == 0 ? "警告" : "罚款"], decided: Today.AddDays(-i),
                    status: i % 5 == 0 ? RecordStatus.Repaired : RecordStatus.Active)
                : Licence($"XK-{i}", name, 300 + i, decided: Today.AddDays(-i)));
        }

        var engine = await NewEngineAsync([.. documents]);
        var expected = Enumerable.Range(0, 300).Where(i => i % 6 == 0 && i % 5 != 0).Select(i => $"penalty:CF-{i}").ToList();

        foreach (var grouped in new[] { false, true })
        {
            var seen = new List<string>();
            for (var page = 1; page <= 7; page++)
            {
                var results = await engine.SearchAsync(Request() with
                {
                    Types = [DocumentType.Penalty], PenaltyType = "警告", Sort = SearchSort.Newest, Page = page, PageSize = 7, GroupBySubject = grouped,
                });
                Assert.Equal(expected.Count, results.Total);
                seen.AddRange(Ids(results));
            }

            Assert.Equal(expected, seen);
        }
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
}
