using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The contract, part 7: the one-stop query by subject (<see cref="SearchRequest.GroupBySubject"/>) — one row per
/// subject whatever number of its documents matched, content items as rows of their own, totals, paging and facets counting
/// rows, and each subject's summary made from all its documents in view today.</summary>
public abstract partial class SearchEngineContract
{
    private static SearchRequest Grouped(string? text = null) => Request(text) with { GroupBySubject = true };

    private static List<string?> Keys(SearchResults results) => results.Hits.Select(h => h.Subject?.SubjectKey).ToList();

    /// <summary>常州恒达建材 (101): a black-list entry, two licences, a penalty, a commitment and its registry record; 常州恒达食品
    /// (102): one penalty; a policy mentioning 恒达.</summary>
    private static SearchDocument[] TwoCompanies() =>
    [
        Entry("E-1", "常州恒达建材有限公司", usccSerial: 101),
        Licence("XK-1", "常州恒达建材有限公司", 101, decided: Today.AddMonths(-5)),
        Licence("XK-2", "常州恒达建材有限公司", 101, "特许", decided: Today.AddMonths(-4)),
        Penalty("CF-1", "常州恒达建材有限公司", 101, ["罚款", "警告"]),
        Commitment("CN-1", "常州恒达建材有限公司", 101),
        Registry(101, "常州恒达建材有限公司"),
        Penalty("CF-2", "常州恒达食品有限公司", 102, ["罚款"]),
        Policy("hd", "恒达建材案例通报", "常州恒达建材有限公司被列入黑名单的案例。"),
    ];

    [SkippableFact]
    public async Task AGroupedSearchGivesOneRowPerSubjectWithItsCountsByKind()
    {
        var engine = await NewEngineAsync(TwoCompanies());

        var results = await engine.SearchAsync(Grouped("恒达"));

        Assert.Equal(3, results.Total);
        Assert.False(results.TotalIsLowerBound);
        Assert.Equal(3, results.Hits.Count);
        var company = Assert.Single(results.Hits, h => h.Subject?.SubjectKey == Uscc(101)).Subject!;
        Assert.Equal("常州恒达建材有限公司", company.Name);
        Assert.Equal(Uscc(101), company.Uscc);
        Assert.Equal(SubjectType.LegalPerson, company.SubjectType);
        Assert.Equal(new Dictionary<DocumentType, int>
        {
            [DocumentType.ListEntry] = 1,
            [DocumentType.Licence] = 2,
            [DocumentType.Penalty] = 1,
            [DocumentType.Commitment] = 1,
            [DocumentType.Subject] = 1,
        }, company.Counts.OrderBy(p => p.Key).ToDictionary());
        Assert.Equal([ListKind.Black], company.Lists);
        Assert.Empty(company.Statuses);
        Assert.Equal(6, company.MatchedDocuments);

        var other = Assert.Single(results.Hits, h => h.Subject?.SubjectKey == Uscc(102)).Subject!;
        Assert.Equal(new Dictionary<DocumentType, int> { [DocumentType.Penalty] = 1 }, other.Counts.ToDictionary());
        Assert.Equal(1, other.MatchedDocuments);
        Assert.Empty(other.Lists);
    }

    [SkippableFact]
    public async Task AGroupedHitShowsTheSubjectsBestMatchingDocument()
    {
        var engine = await NewEngineAsync(TwoCompanies());

        var results = await engine.SearchAsync(Grouped("恒达建材"));

        var row = Assert.Single(results.Hits, h => h.Subject?.SubjectKey == Uscc(101));
        Assert.Equal(Uscc(101), row.Document.SubjectKey);
        Assert.Contains("<mark>", row.TitleHtml, StringComparison.Ordinal);
        Assert.Equal(results.Hits.Count, results.Hits.Select(h => h.Document.Id).Distinct().Count());
    }

    [SkippableFact]
    public async Task AContentItemIsARowOfItsOwn()
    {
        var engine = await NewEngineAsync(TwoCompanies());

        var results = await engine.SearchAsync(Grouped("恒达"));

        var policy = Assert.Single(results.Hits, h => h.Document.Id == "policy:hd");
        Assert.Null(policy.Subject);
        Assert.Equal(2, results.Hits.Count(h => h.Subject is not null));
    }

    [SkippableFact]
    public async Task TotalAndPagingCountSubjectsNotDocuments()
    {
        var documents = new List<SearchDocument>();
        for (var i = 1; i <= 25; i++)
        {
            var name = $"常州恒达第{i}建材有限公司";
            documents.Add(Penalty($"CF-{i}", name, 200 + i, decided: Today.AddDays(-i)));
            documents.Add(Licence($"XK-{i}", name, 200 + i, decided: Today.AddDays(-30 - i)));
            documents.Add(Registry(200 + i, name));
        }

        var engine = await NewEngineAsync([.. documents]);

        var seen = new List<string?>();
        foreach (var (page, expected) in new[] { (1, 10), (2, 10), (3, 5), (4, 0) })
        {
            var results = await engine.SearchAsync(Grouped("恒达") with { Page = page, PageSize = 10 });
            Assert.Equal(25, results.Total);
            Assert.Equal(3, results.PageCount);
            Assert.Equal(expected, results.Hits.Count);
            Assert.All(results.Hits, h => Assert.Equal(3, h.Subject!.MatchedDocuments));
            seen.AddRange(Keys(results));
        }

        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(Enumerable.Range(201, 25).Select(i => Uscc(i)).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));

        // Browsing (no text) and newest first count and page the same way.
        var browse = await engine.SearchAsync(Grouped() with { PageSize = 10, Page = 3 });
        Assert.Equal(25, browse.Total);
        Assert.Equal(5, browse.Hits.Count);
        var newest = await engine.SearchAsync(Grouped("恒达") with { Sort = SearchSort.Newest, PageSize = 10, Page = 3 });
        Assert.Equal(25, newest.Total);
        Assert.Equal(5, newest.Hits.Count);
    }

    [SkippableFact]
    public async Task FacetsCountASubjectOnceForEachValueAmongItsMatchingDocuments()
    {
        var engine = await NewEngineAsync(
            Penalty("CF-1", "常州恒达建材有限公司", 101, ["罚款"]),
            Penalty("CF-2", "常州恒达建材有限公司", 101, ["罚款", "警告"]),
            Licence("XK-1", "常州恒达建材有限公司", 101, "普通"),
            Licence("XK-2", "常州恒达建材有限公司", 101, "普通"),
            Penalty("CF-3", "常州恒达食品有限公司", 102, ["罚款"]),
            Policy("hd", "恒达建材案例通报", "常州恒达建材有限公司受到行政处罚的案例。"));

        var results = await engine.SearchAsync(Grouped("恒达"));

        Assert.Equal(3, results.Total);
        Assert.Equal([new FacetValue("penalty", 2), new FacetValue("licence", 1), new FacetValue("policy", 1)], results.Facets["type"]);
        Assert.Equal([new FacetValue("罚款", 2), new FacetValue("警告", 1)], results.Facets["penalty_type"]);
        Assert.Equal([new FacetValue("普通", 1)], results.Facets["category"]);
        Assert.Equal([new FacetValue("市市场监督管理局", 2), new FacetValue("市行政审批局", 1)], results.Facets["department"]);
        Assert.Equal([new FacetValue("legal_person", 2)], results.Facets["subject_type"]);

        // Each count is the total of the grouped search filtered by that value.
        Assert.Equal(2, (await engine.SearchAsync(Grouped("恒达") with { Types = [DocumentType.Penalty] })).Total);
        Assert.Equal(2, (await engine.SearchAsync(Grouped("恒达") with { PenaltyType = "罚款" })).Total);
        Assert.Equal(1, (await engine.SearchAsync(Grouped("恒达") with { PenaltyType = "警告" })).Total);
        Assert.Equal(1, (await engine.SearchAsync(Grouped("恒达") with { Category = "普通" })).Total);
    }

    [SkippableFact]
    public async Task CountsAreOfDocumentsInViewOnly()
    {
        var engine = await NewEngineAsync(
            Licence("XK-1", "常州恒达建材有限公司", 101),
            Licence("XK-GONE", "常州恒达建材有限公司", 101, status: RecordStatus.Expired),
            Licence("XK-OLD", "常州恒达建材有限公司", 101, decided: Today.AddYears(-6), validTo: Today.AddDays(-1)),
            Penalty("CF-GONE", "常州恒达建材有限公司", 101, status: RecordStatus.Repaired),
            Commitment("CN-GONE", "常州恒达建材有限公司", 101, status: RecordStatus.Withdrawn),
            Entry("E-EXITED", "常州恒达建材有限公司", ListKind.Black, 101, status: EntryStatus.Exited),
            Entry("E-RED", "常州恒达建材有限公司", ListKind.Red, 101),
            Entry("E-OBJ", "常州恒达建材有限公司", ListKind.Black, 101, status: EntryStatus.UnderObjection),
            Registry(101, "常州恒达建材有限公司"));

        foreach (var request in new[] { Grouped("恒达"), Grouped(), Grouped() with { Identifier = new IdentifierFilter(Uscc(101), null) } })
        {
            var results = await engine.SearchAsync(request);

            var row = Assert.Single(results.Hits);
            Assert.Equal(1, results.Total);
            var subject = row.Subject!;
            Assert.Equal(new Dictionary<DocumentType, int>
            {
                [DocumentType.ListEntry] = 2,
                [DocumentType.Licence] = 1,
                [DocumentType.Subject] = 1,
            }, subject.Counts.OrderBy(p => p.Key).ToDictionary());
            Assert.Equal([ListKind.Red, ListKind.Black], subject.Lists.Order().ToList());
            Assert.Equal([EntryStatus.UnderObjection], subject.Statuses);
            Assert.Equal(4, subject.MatchedDocuments);
        }
    }

    [SkippableFact]
    public async Task ASubjectIsFoundByAFormerNameAndShownWithItsCurrentName()
    {
        var engine = await NewEngineAsync(
            Registry(101, "常州远航建材有限公司", ["常州恒达建材有限公司", "常州恒达建材厂"]),
            Penalty("CF-1", "常州恒达建材有限公司", 101, decided: Today.AddMonths(-30), publicUntil: Today.AddMonths(6)));

        var results = await engine.SearchAsync(Grouped("恒达"));

        var subject = Assert.Single(results.Hits).Subject!;
        Assert.Equal("常州远航建材有限公司", subject.Name);
        Assert.Equal(["常州恒达建材有限公司", "常州恒达建材厂"], subject.FormerNames);
        Assert.Equal(2, subject.MatchedDocuments);

        var byCurrentName = await engine.SearchAsync(Grouped("远航"));
        Assert.Equal(1, Assert.Single(byCurrentName.Hits).Subject!.MatchedDocuments);
        Assert.Equal(2, byCurrentName.Hits[0].Subject!.Counts.Values.Sum());
    }

    [SkippableFact]
    public async Task TheCurrentNameComesFromTheRegistryRecordElseFromTheNewestDocument()
    {
        var engine = await NewEngineAsync(
            // The registry record has the name as it is now; a newer record still bears an older name.
            Registry(101, "常州远航建材有限公司", ["常州恒达建材有限公司"]),
            Penalty("CF-1", "常州恒达建材有限公司", 101, decided: Today.AddDays(-5)),
            // No registry record: the newest document's name.
            Licence("XK-OLD", "常州恒达旧名食品有限公司", 102, decided: Today.AddYears(-2)),
            Licence("XK-NEW", "常州恒达新名食品有限公司", 102, decided: Today.AddDays(-3)));

        var results = await engine.SearchAsync(Grouped("恒达"));

        Assert.Equal(2, results.Total);
        Assert.Equal("常州远航建材有限公司", results.Hits.Single(h => h.Subject!.SubjectKey == Uscc(101)).Subject!.Name);
        Assert.Equal("常州恒达新名食品有限公司", results.Hits.Single(h => h.Subject!.SubjectKey == Uscc(102)).Subject!.Name);
    }

    [SkippableFact]
    public async Task AnIdentifierSearchGivesOneRow()
    {
        var person = ResidentId(11);
        var engine = await NewEngineAsync(
            Entry("E-1", "常州恒达建材有限公司", usccSerial: 101),
            Licence("XK-1", "常州恒达建材有限公司", 101),
            Penalty("CF-1", "常州恒达建材有限公司", 101),
            Registry(101, "常州恒达建材有限公司"),
            PersonEntry("P-1", "王某某", person),
            PersonEntry("P-2", "王某某", person, ListKind.Red, field: "诚信典型", department: "市文明办"),
            PersonPenalty("PP-1", "王某某", person));

        var company = await engine.SearchAsync(Grouped() with { Identifier = new IdentifierFilter(Uscc(101), null) });
        Assert.Equal(1, company.Total);
        var row = Assert.Single(company.Hits).Subject!;
        Assert.Equal(4, row.MatchedDocuments);
        Assert.Equal(Uscc(101), row.Uscc);

        var byHash = await engine.SearchAsync(Grouped() with { Identifier = new IdentifierFilter(null, HashOf(person)) });
        Assert.Equal(1, byHash.Total);
        var personRow = Assert.Single(byHash.Hits).Subject!;
        Assert.Equal(SubjectType.NaturalPerson, personRow.SubjectType);
        Assert.Equal(person.Masked, personRow.MaskedIdNumber);
        Assert.Null(personRow.Uscc);
        Assert.Equal("王某某", personRow.Name);
        Assert.Equal(3, personRow.MatchedDocuments);
        Assert.Equal([ListKind.Red, ListKind.Black], personRow.Lists.Order().ToList());
        Assert.DoesNotContain(person.Value, personRow.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NewestFirstOrdersSubjectsByTheirNewestMatchingDocument()
    {
        var engine = await NewEngineAsync(
            // A: an old penalty and a recent licence; B: one penalty in between; C: old only.
            Penalty("CF-A", "常州恒达建材有限公司", 101, decided: Today.AddDays(-300)),
            Licence("XK-A", "常州恒达建材有限公司", 101, decided: Today.AddDays(-10)),
            Penalty("CF-B", "常州恒达食品有限公司", 102, decided: Today.AddDays(-50)),
            Penalty("CF-C", "常州恒达机械有限公司", 103, decided: Today.AddDays(-200)));

        var newest = await engine.SearchAsync(Grouped("恒达") with { Sort = SearchSort.Newest });
        Assert.Equal([Uscc(101), Uscc(102), Uscc(103)], Keys(newest));
        Assert.Equal("licence:XK-A", newest.Hits[0].Document.Id);

        // Only penalties match: A's newest matching document is now its old penalty.
        var penalties = await engine.SearchAsync(Grouped("恒达") with { Sort = SearchSort.Newest, Types = [DocumentType.Penalty] });
        Assert.Equal([Uscc(102), Uscc(103), Uscc(101)], Keys(penalties));
        Assert.Equal(2, penalties.Hits[2].Subject!.Counts.Values.Sum());
        Assert.Equal(1, penalties.Hits[2].Subject!.MatchedDocuments);

        var browse = await engine.SearchAsync(Grouped());
        Assert.Equal([Uscc(101), Uscc(102), Uscc(103)], Keys(browse));
    }

    [SkippableFact]
    public async Task AFilterKeepsTheSubjectsWithAMatchingDocument()
    {
        var engine = await NewEngineAsync(
            Penalty("CF-1", "常州恒达建材有限公司", 101, ["罚款"], field: "食品药品"),
            Penalty("CF-2", "常州恒达建材有限公司", 101, ["警告"], field: "生态环境", department: "市生态环境局"),
            Licence("XK-1", "常州恒达建材有限公司", 101),
            Penalty("CF-3", "常州恒达食品有限公司", 102, ["罚款"], field: "食品药品"),
            Licence("XK-2", "常州恒达机械有限公司", 103));

        var warned = await engine.SearchAsync(Grouped("恒达") with { PenaltyType = "警告" });
        var row = Assert.Single(warned.Hits);
        Assert.Equal(Uscc(101), row.Subject!.SubjectKey);
        Assert.Equal("penalty:CF-2", row.Document.Id);
        Assert.Equal(1, row.Subject.MatchedDocuments);
        Assert.Equal(new Dictionary<DocumentType, int> { [DocumentType.Licence] = 1, [DocumentType.Penalty] = 2 },
            row.Subject.Counts.OrderBy(p => p.Key).ToDictionary());

        var food = await engine.SearchAsync(Grouped("恒达") with { Field = "食品药品" });
        Assert.Equal([Uscc(101), Uscc(102)], Keys(food).Order(StringComparer.Ordinal));
        Assert.Equal(2, food.Total);

        var licences = await engine.SearchAsync(Grouped() with { Types = [DocumentType.Licence] });
        Assert.Equal([Uscc(101), Uscc(103)], Keys(licences).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task DocumentsOfOneSubjectWrittenAtDifferentTimesAreStillOneRow()
    {
        var engine = await NewEngineAsync(
            Penalty("CF-1", "常州恒达建材有限公司", 101),
            Penalty("CF-2", "常州恒达食品有限公司", 102));
        await engine.UpsertAsync([Licence("XK-1", "常州恒达建材有限公司", 101), Registry(101, "常州恒达建材有限公司")]);
        await engine.UpsertAsync([Licence("XK-2", "常州恒达机械有限公司", 103), Penalty("CF-2", "常州恒达食品有限公司", 102, ["警告"])]);
        await engine.UpsertAsync([Commitment("CN-1", "常州恒达机械有限公司", 103)]);

        var results = await engine.SearchAsync(Grouped("恒达"));

        Assert.Equal(3, results.Total);
        Assert.Equal([Uscc(101), Uscc(102), Uscc(103)], Keys(results).Order(StringComparer.Ordinal));
        Assert.Equal(3, results.Hits.Single(h => h.Subject!.SubjectKey == Uscc(101)).Subject!.MatchedDocuments);
        Assert.Equal(1, results.Hits.Single(h => h.Subject!.SubjectKey == Uscc(102)).Subject!.MatchedDocuments);
        Assert.Equal(2, results.Hits.Single(h => h.Subject!.SubjectKey == Uscc(103)).Subject!.Counts.Values.Sum());
        Assert.Equal([new FacetValue("警告", 1)], results.Facets["penalty_type"].Where(v => v.Value == "警告"));
        Assert.Equal([new FacetValue("罚款", 1)], results.Facets["penalty_type"].Where(v => v.Value == "罚款"));
        Assert.Equal(2, (await engine.SearchAsync(Grouped("恒达") with { Types = [DocumentType.Licence] })).Total);
    }

    [SkippableFact]
    public async Task AnUngroupedSearchStillGivesOneHitPerDocument()
    {
        var engine = await NewEngineAsync(TwoCompanies());

        var results = await engine.SearchAsync(Request("恒达") with { PageSize = 100 });

        Assert.Equal(8, results.Total);
        Assert.All(results.Hits, h => Assert.Null(h.Subject));
        Assert.Equal(8, results.Facets["type"].Sum(v => v.Count));
    }
}
