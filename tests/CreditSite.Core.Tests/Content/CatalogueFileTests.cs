using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Hosting;

namespace CreditSite.Core.Tests.Content;

public sealed class CatalogueFileTests
{
    private static string RealCatalogue() => File.ReadAllText(Path.Combine(SiteRoot.Find(), "content", "data", "catalogue.yaml"));

    [Fact]
    public void TheShippedCatalogueLoadsWithEveryKindsRuleAndThePenaltyTypesOfTheLaw()
    {
        var catalogue = CatalogueFile.Load(Path.Combine(SiteRoot.Find(), "content"));

        Assert.Equal(14, catalogue.PenaltyTypes.Count);
        Assert.Contains("限制开展生产经营活动", catalogue.PenaltyTypes);
        Assert.Contains("食品药品", catalogue.Fields);
        Assert.Equal(["普通", "特许", "认可", "核准", "登记", "其他"], catalogue.LicenceCategories);
        Assert.All(CreditCatalogue.RuleKinds, kind => Assert.True(catalogue.Rules.ContainsKey(kind)));
        var penalty = catalogue.RuleOf(RecordKind.Penalty);
        Assert.False(penalty.PublishSimplifiedProcedure);
        var decided = new DateOnly(2026, 1, 15);
        Assert.Equal(new DateOnly(2026, 4, 15), penalty.RangeFor(Severity.Minor)!.MaximumUntil(decided));
        Assert.Equal(new DateOnly(2027, 1, 15), penalty.RangeFor(Severity.General)!.MaximumUntil(decided));
        Assert.Equal(new DateOnly(2029, 1, 15), penalty.RangeFor(Severity.Serious)!.MaximumUntil(decided));
        Assert.Equal(new DateOnly(2027, 1, 15), penalty.RangeFor(Severity.Serious)!.RepairableFrom(decided));
        Assert.Null(catalogue.RuleOf(RecordKind.Licence).RangeFor(null));
    }

    [Theory]
    [InlineData("penalty_types: [警告, 通报批评,", "penalty_types: [警告, 警告,", "处罚类别 “警告” 重复")]
    [InlineData("      serious: {min: 1y, max: 3y}\n  licence:", "      serious: {min: 1y, max: 3x}\n  licence:", "“3x” 不是期限")]
    [InlineData("      minor: {min: 0m, max: 3m}\n      general: {min: 3m, max: 1y}\n      serious: {min: 1y, max: 3y}\n  licence:", "      minor: {min: 0m, max: 3m}\n      general: {min: 3m, max: 1y}\n  licence:", "缺少 serious（严重）的公示期限")]
    [InlineData("    publish_simplified_procedure: false", "    publish_simplified_procedure: no", "应为 true 或 false")]
    [InlineData("      general: {min: 3m, max: 1y}\n      serious: {min: 1y, max: 3y}\n  licence:", "      general: {min: 3m, max: 1y}\n      serious: {min: 3y, max: 1y}\n  licence:", "短于最短期限")]
    [InlineData("registry_statuses: [存续, 注销, 吊销, 迁出]", "registry_statuses: [存续、注销]", "拆成多项")]
    [InlineData("  commitment:", "  lottery:\n    label: x\n  commitment:", "未知的记录种类 “lottery”")]
    public void ABrokenCatalogueIsRefusedWithTheLineAndAChineseReason(string original, string broken, string expected)
    {
        var yaml = RealCatalogue();
        Assert.Contains(original, yaml, StringComparison.Ordinal);
        yaml = yaml.Replace(original, broken, StringComparison.Ordinal);
        var expectedLine = yaml[..yaml.IndexOf(broken, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var problems = new List<ContentProblem>();

        var catalogue = CatalogueFile.Parse(yaml, "content/data/catalogue.yaml", problems);

        Assert.Null(catalogue);
        var problem = Assert.Single(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
        Assert.InRange(problem.Line, expectedLine, expectedLine + broken.Count(c => c == '\n'));
    }

    [Fact]
    public void AMissingRuleIsRefused()
    {
        var yaml = RealCatalogue();
        var start = yaml.IndexOf("  red:", StringComparison.Ordinal);
        var end = yaml.IndexOf("  black:", StringComparison.Ordinal);
        var problems = new List<ContentProblem>();

        Assert.Null(CatalogueFile.Parse(yaml.Remove(start, end - start), "content/data/catalogue.yaml", problems));
        Assert.Contains(problems, p => p.Message.Contains("缺少 “red” 的公示规则", StringComparison.Ordinal));
    }
}
