using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The contract, part 5: public records (行政许可, 行政处罚, 信用承诺) and registry records (基础信息) — what the
/// public sees of them on a given day, how an identifier or a former name finds them, and what a hit carries.</summary>
public abstract partial class SearchEngineContract
{
    // ---- visibility by period: the request's day decides, nothing is re-indexed ----

    public static TheoryData<string> RecordKinds => new() { "penalty", "licence", "commitment" };

    /// <summary>A record of <paramref name="kind"/> whose period (public_until; a licence's end of validity) ends on
    /// <paramref name="lastDay"/>.</summary>
    private static SearchDocument RecordEndingOn(string kind, string recordId, string name, DateOnly lastDay, int usccSerial) => kind switch
    {
        "penalty" => Penalty(recordId, name, usccSerial, publicUntil: lastDay),
        "licence" => Licence(recordId, name, usccSerial, validTo: lastDay),
        _ => Commitment(recordId, name, usccSerial, publicUntil: lastDay),
    };

    [SkippableTheory]
    [MemberData(nameof(RecordKinds))]
    public async Task ARecordLeavesPublicViewTheDayAfterItsPeriodEndsWithoutReindexing(string kind)
    {
        var uscc = Uscc(5151);
        var engine = await NewEngineAsync(RecordEndingOn(kind, "R-1", "常州恒达建材有限公司", Today, 5151));
        var id = kind + ":R-1";

        // Its last day: everywhere.
        Assert.Equal([id], Ids(await engine.SearchAsync(Request("恒达"))));
        Assert.Equal([id], Ids(await engine.SearchAsync(Request())));
        Assert.Equal([id], Ids(await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(uscc, null) })));

        // The next day, with the same index: nowhere.
        var tomorrow = Today.AddDays(1);
        Assert.Equal(0, (await engine.SearchAsync(Request("恒达") with { Today = tomorrow })).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request() with { Today = tomorrow })).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request() with { Today = tomorrow, Identifier = new IdentifierFilter(uscc, null) })).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request() with { Today = tomorrow, SubjectKey = uscc })).Total);
        Assert.Empty((await engine.SearchAsync(Request() with { Today = tomorrow })).Facets["type"]);
    }

    [SkippableFact]
    public async Task APenaltyWithTheCataloguesMaximumPeriodLeavesViewWhenTheMaximumHasPassed()
    {
        var decided = new DateOnly(2025, 3, 10);
        var engine = await NewEngineAsync(
            Penalty("CF-MINOR", "常州恒达建材有限公司", severity: Severity.Minor, decided: decided),
            Penalty("CF-GENERAL", "常州恒达食品有限公司", severity: Severity.General, decided: decided),
            Penalty("CF-SERIOUS", "常州恒达机械有限公司", severity: Severity.Serious, decided: decided));

        async Task<List<string>> VisibleOn(DateOnly day) =>
            Ids(await engine.SearchAsync(Request("恒达") with { Today = day })).Order(StringComparer.Ordinal).ToList();

        // 轻微 at most 3 months, 一般 at most 1 year, 严重 at most 3 years (content/data/catalogue.yaml).
        Assert.Equal(["penalty:CF-GENERAL", "penalty:CF-MINOR", "penalty:CF-SERIOUS"], await VisibleOn(new DateOnly(2025, 6, 10)));
        Assert.Equal(["penalty:CF-GENERAL", "penalty:CF-SERIOUS"], await VisibleOn(new DateOnly(2025, 6, 11)));
        Assert.Equal(["penalty:CF-SERIOUS"], await VisibleOn(new DateOnly(2026, 3, 11)));
        Assert.Empty(await VisibleOn(new DateOnly(2028, 3, 11)));
    }

    [SkippableFact]
    public async Task ALicenceWithoutAnEndOfValidityStaysInView()
    {
        var engine = await NewEngineAsync(Licence("XK-1", "常州恒达建材有限公司", openEnded: true));

        var results = await engine.SearchAsync(Request("恒达") with { Today = new DateOnly(2040, 1, 1) });

        Assert.Equal(["licence:XK-1"], Ids(results));
    }

    // ---- visibility by status ----

    public static TheoryData<string> HiddenRecords => new()
    {
        "repaired penalty", "revoked penalty", "unpublished simplified-procedure penalty", "withdrawn commitment", "expired licence",
    };

    private static SearchDocument HiddenRecord(string which, int usccSerial) => which switch
    {
        "repaired penalty" => Penalty("R-1", "常州恒达建材有限公司", usccSerial, status: RecordStatus.Repaired),
        "revoked penalty" => Penalty("R-1", "常州恒达建材有限公司", usccSerial, status: RecordStatus.Revoked),
        "unpublished simplified-procedure penalty" => Penalty("R-1", "常州恒达建材有限公司", usccSerial, severity: Severity.Minor, simplifiedProcedure: true),
        "withdrawn commitment" => Commitment("R-1", "常州恒达建材有限公司", usccSerial, status: RecordStatus.Withdrawn),
        _ => Licence("R-1", "常州恒达建材有限公司", usccSerial, status: RecordStatus.Expired),
    };

    [SkippableTheory]
    [MemberData(nameof(HiddenRecords))]
    public async Task RecordsWhoseStatusTakesThemOutOfViewAreNeverReturned(string which)
    {
        var uscc = Uscc(6161);
        var hidden = HiddenRecord(which, 6161);
        Assert.True(hidden.Withdrawn, "the projection marks it withdrawn");
        var engine = await NewEngineAsync(hidden, Registry(6161, "常州恒达建材有限公司"));

        Assert.Equal([RegistryId(6161)], Ids(await engine.SearchAsync(Request("恒达"))));
        Assert.Equal([RegistryId(6161)], Ids(await engine.SearchAsync(Request())));
        Assert.Equal([RegistryId(6161)], Ids(await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(uscc, null) })));
        Assert.Equal(0, (await engine.SearchAsync(Request() with { SubjectKey = uscc, Types = [hidden.Type] })).Total);
        Assert.Equal(0, (await engine.SearchAsync(Request(hidden.DecisionNumber ?? hidden.EntryId)))
            .Hits.Count(h => h.Document.Id == hidden.Id));
        // Whatever the day: its period has not even begun to run out.
        Assert.Equal(0, (await engine.SearchAsync(Request() with { Types = [hidden.Type], Today = hidden.Date })).Total);
        Assert.DoesNotContain(DocumentTypeText.Code(hidden.Type), (await engine.SearchAsync(Request())).Facets["type"].Select(v => v.Value));
    }

    public static TheoryData<string, RecordStatus> VisibleStatuses => new()
    {
        { "penalty", RecordStatus.Active },
        { "penalty", RecordStatus.UnderObjection },
        { "licence", RecordStatus.Valid },
        { "licence", RecordStatus.Revoked },
        { "licence", RecordStatus.Cancelled },
        { "commitment", RecordStatus.Active },
        { "commitment", RecordStatus.Fulfilled },
        { "commitment", RecordStatus.Breached },
    };

    [SkippableTheory]
    [MemberData(nameof(VisibleStatuses))]
    public async Task RecordsInViewCarryTheirStatus(string kind, RecordStatus status)
    {
        var record = kind switch
        {
            "penalty" => Penalty("R-1", "常州恒达建材有限公司", status: status),
            "licence" => Licence("R-1", "常州恒达建材有限公司", status: status),
            _ => Commitment("R-1", "常州恒达建材有限公司", status: status),
        };
        var engine = await NewEngineAsync(record);

        var hit = Assert.Single((await engine.SearchAsync(Request("恒达"))).Hits);

        Assert.Equal(kind + ":R-1", hit.Document.Id);
        Assert.Equal(status, hit.Document.RecordStatus);
        Assert.False(hit.Document.Withdrawn);
    }

    // ---- identifiers ----

    [SkippableFact]
    public async Task AUsccFindsEveryKindOfItsSubjectIncludingTheRegistryRecord()
    {
        const int Serial = 7070;
        var uscc = Uscc(Serial);
        var engine = await NewEngineAsync(
            Registry(Serial, "常州恒达建材有限公司"),
            Entry("E-1", "常州恒达建材有限公司", usccSerial: Serial),
            RoleModel("hengda", "常州恒达建材有限公司", uscc: uscc),
            Licence("XK-1", "常州恒达建材有限公司", Serial),
            Penalty("CF-1", "常州恒达建材有限公司", Serial),
            Penalty("CF-2", "常州恒达建材有限公司", Serial, status: RecordStatus.Repaired),
            Commitment("CN-1", "常州恒达建材有限公司", Serial),
            Registry(Serial + 1, "常州恒达建材二厂"),
            Penalty("CF-OTHER", "常州恒达建材二厂", Serial + 1),
            Licence("XK-OTHER", "常州恒达建材二厂", Serial + 1));

        var results = await engine.SearchAsync(Request("完全无关的文字") with { Identifier = new IdentifierFilter(uscc, null) });

        Assert.Equal(
            ["commitment:CN-1", "entry:E-1", "licence:XK-1", "penalty:CF-1", "role-model:hengda", RegistryId(Serial)],
            Ids(results).Order(StringComparer.Ordinal));
        Assert.All(results.Hits, h => Assert.Equal(uscc, h.Document.Uscc));
        Assert.Equal(6, results.Facets["type"].Count);
        Assert.All(results.Facets["type"], v => Assert.Equal(1, v.Count));
    }

    [SkippableFact]
    public async Task AResidentIdHashFindsThePersonsPenaltiesAndEntriesOnly()
    {
        var person = ResidentId(31);
        var engine = await NewEngineAsync(
            PersonPenalty("CF-P1", "王芳", person),
            PersonPenalty("CF-P2", "王芳", person, ["罚款"], department: "市城市管理局"),
            PersonEntry("P-1", "王芳", person),
            PersonPenalty("CF-P3", "王芳", ResidentId(32)),
            Penalty("CF-ORG", "常州恒达建材有限公司"));

        var results = await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(null, HashOf(person)) });

        Assert.Equal(["entry:P-1", "penalty:CF-P1", "penalty:CF-P2"], Ids(results).Order(StringComparer.Ordinal));
        var penalty = results.Hits.Single(h => h.Document.Id == "penalty:CF-P1").Document;
        Assert.Equal(SubjectType.NaturalPerson, penalty.SubjectType);
        Assert.Equal(person.Masked, penalty.MaskedIdNumber);
        Assert.Null(penalty.Uscc);
        Assert.DoesNotContain(person.Value, penalty.Body + penalty.Title + penalty.Summary, StringComparison.Ordinal);
        Assert.Equal(2, (await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(null, HashOf(person)), Types = [DocumentType.Penalty] })).Total);
    }

    // ---- former names (曾用名) ----

    [SkippableFact]
    public async Task AFormerNameFindsTheRegistryRecordWhichCarriesItsFormerNames()
    {
        const int Serial = 8080;
        var engine = await NewEngineAsync(
            Registry(Serial, "常州恒达新材料科技有限公司", ["常州恒达建材有限公司", "常州市武进区湖塘水泥厂"]),
            Penalty("CF-1", "常州恒达新材料科技有限公司", Serial),
            Registry(Serial + 1, "常州龙城电子有限公司", ["常州龙城无线电厂"]),
            Entry("E-1", "常州诚信食品有限公司"));

        foreach (var former in new[] { "湖塘水泥厂", "常州市武进区湖塘水泥厂", "恒达建材" })
        {
            var hit = Assert.Single((await engine.SearchAsync(Request(former))).Hits);
            Assert.Equal(RegistryId(Serial), hit.Document.Id);
            Assert.Equal(DocumentType.Subject, hit.Document.Type);
            Assert.Equal("常州恒达新材料科技有限公司", hit.Document.Title);
            // What lets a page say the hit matched a former name (曾用名).
            Assert.NotNull(hit.Document.FormerNames);
            Assert.Contains(hit.Document.FormerNames, name => name.Contains(former, StringComparison.Ordinal));
            Assert.DoesNotContain(former, hit.Document.Title, StringComparison.Ordinal);
        }

        var byCurrentName = await engine.SearchAsync(Request("恒达新材料"));
        Assert.Equal(["penalty:CF-1", RegistryId(Serial)], Ids(byCurrentName).Order(StringComparer.Ordinal));
        Assert.Equal([RegistryId(Serial)], Ids(await engine.SearchAsync(Request("恒达建材") with { Types = [DocumentType.Subject] })));
    }

    // ---- what a hit carries ----

    [SkippableFact]
    public async Task HitsCarryTheWholeRecordDocument()
    {
        var penalty = Penalty("CF-1", "常州恒达建材有限公司", 9090, ["警告", "罚款", "没收违法所得"], status: RecordStatus.UnderObjection,
            severity: Severity.Serious);
        var licence = Licence("XK-1", "常州恒达建材有限公司", 9090, category: "特许", status: RecordStatus.Revoked);
        var commitment = Commitment("CN-1", "常州恒达建材有限公司", 9090, commitmentType: "证明事项告知承诺");
        var registry = Registry(9090, "常州恒达建材有限公司", ["常州市恒达水泥制品厂", "常州恒达建筑材料厂"]);
        var engine = await NewEngineAsync(penalty, licence, commitment, registry);

        var hits = (await engine.SearchAsync(Request() with { Identifier = new IdentifierFilter(Uscc(9090), null) })).Hits
            .ToDictionary(h => h.Document.Id, h => h.Document);

        foreach (var expected in new[] { penalty, licence, commitment, registry })
        {
            var actual = hits[expected.Id];
            // Lists compare by their values; everything else as the record's own equality.
            Assert.Equal(expected.PenaltyTypes, actual.PenaltyTypes);
            Assert.Equal(expected.FormerNames, actual.FormerNames);
            Assert.Equal(expected with { PenaltyTypes = null, FormerNames = null }, actual with { PenaltyTypes = null, FormerNames = null });
        }

        Assert.Equal(["警告", "罚款", "没收违法所得"], hits[penalty.Id].PenaltyTypes);
        Assert.Equal(RecordStatus.UnderObjection, hits[penalty.Id].RecordStatus);
        Assert.Equal("特许", hits[licence.Id].Category);
        Assert.Equal(["常州市恒达水泥制品厂", "常州恒达建筑材料厂"], hits[registry.Id].FormerNames);
    }

    private static string RegistryId(int usccSerial) => "subject:" + Uscc(usccSerial);
}
