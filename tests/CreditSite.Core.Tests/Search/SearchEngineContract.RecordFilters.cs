using CreditSite.Domain;
using CreditSite.Search;
using static CreditSite.Core.Tests.Search.SampleDocuments;

namespace CreditSite.Core.Tests.Search;

/// <summary>The contract, part 6: the filters and facets of the 双公示 pages and the one-stop query over public records —
/// types, department, 许可类别 / 承诺类型 (category), 处罚类别 (penalty type), decision dates and subject type.</summary>
public abstract partial class SearchEngineContract
{
    /// <summary>Licences, penalties and commitments of several departments, categories, penalty types, dates and subject
    /// types, plus records out of view and documents of other kinds.</summary>
    private static SearchDocument[] RecordSet() =>
    [
        Penalty("CF-1", "常州恒达建材有限公司", 101, ["罚款", "警告"], department: "市市场监督管理局", decided: new DateOnly(2025, 3, 1)),
        Penalty("CF-2", "常州诚信食品有限公司", 102, ["罚款"], department: "市市场监督管理局", decided: new DateOnly(2025, 4, 15)),
        Penalty("CF-3", "常州龙城化工有限公司", 103, ["警告", "没收违法所得", "警告"], department: "市生态环境局", field: "生态环境",
            decided: new DateOnly(2025, 5, 20)),
        Penalty("CF-4", "常州市天宁区张记小吃店", 104, ["罚款", "责令停产停业"], department: "市市场监督管理局",
            decided: new DateOnly(2025, 5, 31), subjectType: SubjectType.IndividualBusiness),
        Penalty("CF-GONE", "常州恒达物流有限公司", 105, ["罚款", "吊销许可证件"], status: RecordStatus.Repaired),
        Penalty("CF-OLD", "常州东方纺织有限公司", 106, ["罚款"], severity: Severity.Minor, decided: new DateOnly(2024, 1, 10)),
        Licence("XK-1", "常州恒达建材有限公司", 101, "普通", department: "市行政审批局", decided: new DateOnly(2025, 2, 1)),
        Licence("XK-2", "常州诚信食品有限公司", 102, "普通", department: "市市场监督管理局", decided: new DateOnly(2025, 4, 1)),
        Licence("XK-3", "常州龙城化工有限公司", 103, "特许", department: "市生态环境局", decided: new DateOnly(2025, 5, 1)),
        Licence("XK-4", "常州市天宁区张记小吃店", 104, "登记", department: "市行政审批局", decided: new DateOnly(2025, 6, 1),
            subjectType: SubjectType.IndividualBusiness),
        Licence("XK-GONE", "常州恒达物流有限公司", 105, "普通", status: RecordStatus.Expired),
        Commitment("CN-1", "常州恒达建材有限公司", 101, "审批替代型", madeOn: new DateOnly(2025, 3, 5)),
        Commitment("CN-2", "常州龙城化工有限公司", 103, "信用修复型", acceptedBy: "市生态环境局", madeOn: new DateOnly(2025, 5, 25)),
        Commitment("CN-GONE", "常州恒达物流有限公司", 105, "审批替代型", status: RecordStatus.Withdrawn),
        Registry(101, "常州恒达建材有限公司"),
        Registry(104, "常州市天宁区张记小吃店", entityType: "个体工商户"),
        Entry("E-1", "常州恒达建材有限公司", usccSerial: 101),
        RoleModel("rm", "常州龙城电子有限公司"),
        Policy("p", "关于做好双公示工作的通知", "行政许可和行政处罚信息自作出决定之日起7个工作日内公示。"),
    ];

    // ---- filters ----

    [SkippableFact]
    public async Task FiltersRecordsByTypeDepartmentCategoryAndPenaltyType()
    {
        var engine = await NewEngineAsync(RecordSet());

        async Task<List<string>> Found(SearchRequest request) =>
            Ids(await engine.SearchAsync(request with { PageSize = 100 })).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["penalty:CF-1", "penalty:CF-2", "penalty:CF-3", "penalty:CF-4"], await Found(Request() with { Types = [DocumentType.Penalty] }));
        Assert.Equal(["commitment:CN-1", "commitment:CN-2", "licence:XK-1", "licence:XK-2", "licence:XK-3", "licence:XK-4"],
            await Found(Request() with { Types = [DocumentType.Licence, DocumentType.Commitment] }));
        Assert.Equal(["subject:" + Uscc(101), "subject:" + Uscc(104)], await Found(Request() with { Types = [DocumentType.Subject] }));

        Assert.Equal(["licence:XK-3", "penalty:CF-3"],
            await Found(Request() with { Types = [DocumentType.Licence, DocumentType.Penalty], IssuingDepartment = "市生态环境局" }));
        Assert.Equal(["licence:XK-2", "penalty:CF-1", "penalty:CF-2", "penalty:CF-4"],
            await Found(Request() with { IssuingDepartment = "市市场监督管理局", Types = [DocumentType.Licence, DocumentType.Penalty] }));

        Assert.Equal(["licence:XK-1", "licence:XK-2"], await Found(Request() with { Types = [DocumentType.Licence], Category = "普通" }));
        Assert.Equal(["licence:XK-3"], await Found(Request() with { Category = "特许" }));
        Assert.Equal(["commitment:CN-1"], await Found(Request() with { Category = "审批替代型" }));
        Assert.Empty(await Found(Request() with { Category = "特" }));

        Assert.Equal(["penalty:CF-1", "penalty:CF-3"], await Found(Request() with { PenaltyType = "警告" }));
        Assert.Equal(["penalty:CF-1", "penalty:CF-2", "penalty:CF-4"], await Found(Request() with { PenaltyType = "罚款" }));
        Assert.Equal(["penalty:CF-4"], await Found(Request() with { PenaltyType = "责令停产停业" }));
        // A hidden penalty is not found through any of its types.
        Assert.Empty(await Found(Request() with { PenaltyType = "吊销许可证件" }));
        Assert.Equal(["penalty:CF-1"], await Found(Request("恒达") with { PenaltyType = "罚款" }));
    }

    [SkippableFact]
    public async Task FiltersRecordsByDecisionDateRangeAndSubjectTypeIncludingIndividualBusinesses()
    {
        var engine = await NewEngineAsync(RecordSet());

        async Task<List<string>> Found(SearchRequest request) =>
            Ids(await engine.SearchAsync(request with { PageSize = 100 })).Order(StringComparer.Ordinal).ToList();

        var penaltiesAndLicences = Request() with { Types = [DocumentType.Penalty, DocumentType.Licence] };
        Assert.Equal(["licence:XK-2", "licence:XK-3", "penalty:CF-2", "penalty:CF-3"],
            await Found(penaltiesAndLicences with { DecidedFrom = new DateOnly(2025, 4, 1), DecidedTo = new DateOnly(2025, 5, 20) }));
        Assert.Equal(["licence:XK-4", "penalty:CF-4"], await Found(penaltiesAndLicences with { DecidedFrom = new DateOnly(2025, 5, 31) }));
        Assert.Equal(["licence:XK-1"], await Found(penaltiesAndLicences with { DecidedTo = new DateOnly(2025, 2, 28) }));

        Assert.Equal(["licence:XK-4", "penalty:CF-4", "subject:" + Uscc(104)],
            await Found(Request() with { SubjectType = SubjectType.IndividualBusiness }));
        Assert.Equal(["licence:XK-4", "penalty:CF-4"],
            await Found(penaltiesAndLicences with { SubjectType = SubjectType.IndividualBusiness, Text = "张记" }));
        Assert.Equal(6, (await engine.SearchAsync(penaltiesAndLicences with { SubjectType = SubjectType.LegalPerson })).Total);
    }

    // ---- facets ----

    [SkippableFact]
    public async Task RecordFacetsCountEachKindCategoryAndPenaltyTypeOncePerDocumentInView()
    {
        var engine = await NewEngineAsync(RecordSet());

        var results = await engine.SearchAsync(Request() with { Types = [DocumentType.Licence, DocumentType.Penalty, DocumentType.Commitment] });

        Assert.Equal(10, results.Total);
        Assert.Equal(
            [new FacetValue("licence", 4), new FacetValue("penalty", 4), new FacetValue("commitment", 2)],
            results.Facets["type"]);
        // CF-3 names 警告 twice: one document, counted once. CF-GONE's 吊销许可证件 is out of view.
        Assert.Equal(
            [new FacetValue("罚款", 3), new FacetValue("警告", 2), new FacetValue("没收违法所得", 1), new FacetValue("责令停产停业", 1)],
            results.Facets["penalty_type"]);
        Assert.Equal(
            [new FacetValue("普通", 2), new FacetValue("信用修复型", 1), new FacetValue("审批替代型", 1), new FacetValue("特许", 1), new FacetValue("登记", 1)],
            results.Facets["category"]);
        Assert.Equal(
            [new FacetValue("legal_person", 8), new FacetValue("individual_business", 2)],
            results.Facets["subject_type"]);
        Assert.Contains(new FacetValue("市生态环境局", 3), results.Facets["department"]);
    }

    [SkippableFact]
    public async Task RecordFacetCountsEqualWhatTheFilteredSearchReturns()
    {
        var engine = await NewEngineAsync(RecordSet());
        var baseRequest = Request("常州");
        var results = await engine.SearchAsync(baseRequest);

        Assert.Equal(results.Total, results.Facets["type"].Sum(v => v.Count));
        Assert.Equal(6, results.Facets["type"].Count); // every kind but policies (no 常州 in the notice) and announcements
        foreach (var value in results.Facets["type"])
        {
            Assert.True(DocumentTypeText.TryParseDocumentType(value.Value, out var type), value.Value);
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { Types = [type] })).Total);
        }

        Assert.NotEmpty(results.Facets["category"]);
        foreach (var value in results.Facets["category"])
        {
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { Category = value.Value })).Total);
        }

        Assert.Equal(4, results.Facets["penalty_type"].Count);
        foreach (var value in results.Facets["penalty_type"])
        {
            Assert.Equal(value.Count, (await engine.SearchAsync(baseRequest with { PenaltyType = value.Value })).Total);
        }
    }

    [SkippableFact]
    public async Task RecordFacetsFollowTheFilters()
    {
        var engine = await NewEngineAsync(RecordSet());

        var warned = await engine.SearchAsync(Request() with { PenaltyType = "警告" });
        var environment = await engine.SearchAsync(Request() with { IssuingDepartment = "市生态环境局" });

        // The other types of the penalties that include 警告.
        Assert.Equal([new FacetValue("警告", 2), new FacetValue("没收违法所得", 1), new FacetValue("罚款", 1)], warned.Facets["penalty_type"]);
        Assert.Equal([new FacetValue("penalty", 2)], warned.Facets["type"]);
        Assert.Empty(warned.Facets["category"]);
        Assert.Equal(
            [new FacetValue("commitment", 1), new FacetValue("licence", 1), new FacetValue("penalty", 1)],
            environment.Facets["type"]);
        Assert.Equal([new FacetValue("信用修复型", 1), new FacetValue("特许", 1)], environment.Facets["category"]);
    }
}
