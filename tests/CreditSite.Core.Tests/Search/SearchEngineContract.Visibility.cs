using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The contract, part 3: what the public sees on a given day, and one query over every document type.</summary>
public abstract partial class SearchEngineContract
{
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
}
