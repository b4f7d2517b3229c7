using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The contract, part 1: Chinese names by any meaningful part, identifiers, and user text that is only text.</summary>
public abstract partial class SearchEngineContract
{
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
}
