using CreditSite.Reports.Special;

namespace CreditSite.Core.Tests.Reports;

public sealed class SpecialReportScopeTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly string[] Catalogue = ["食品药品", "税务", "工程质量"];

    [Theory]
    [InlineData("2024-12-07", "2026-12-07", "税务", null)]
    [InlineData("2021-12-07", "2026-12-07", "税务", null)] // exactly five years
    [InlineData("2024-12-07", "2026-12-08", "税务", "查询期间不能包含未来的日期")]
    [InlineData("2021-12-06", "2026-12-07", "税务", "查询期间最长为近 5 年")]
    [InlineData("2026-12-07", "2024-12-07", "税务", "起始日期不能晚于截止日期")]
    [InlineData("2024-12-07", "2026-12-07", "", "请至少选择一个领域")]
    [InlineData("2024-12-07", "2026-12-07", "行政强制", "不是公共信用信息目录中的领域")]
    public void ValidatesPeriodAndFields(string from, string to, string field, string? error)
    {
        var (scope, errors) = SpecialReportScope.Validate(
            DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            field.Length == 0 ? [] : [field], allFields: false, Today, Catalogue);

        if (error is null)
        {
            Assert.Empty(errors);
            Assert.Equal([field], scope!.Fields);
        }
        else
        {
            Assert.Null(scope);
            Assert.Contains(errors, e => e.Contains(error, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AllFieldsTakesTheCatalogueInItsOrderAndKeysTheSameForTheSameChoice()
    {
        var (all, _) = SpecialReportScope.Validate(Today.AddYears(-3), Today, null, allFields: true, Today, Catalogue);
        var (picked, _) = SpecialReportScope.Validate(Today.AddYears(-3), Today, ["工程质量", "食品药品"], allFields: false, Today, Catalogue);
        var (again, _) = SpecialReportScope.Validate(Today.AddYears(-3), Today, ["食品药品", "工程质量"], allFields: false, Today, Catalogue);

        Assert.Equal(Catalogue, all!.Fields);
        Assert.Equal(["食品药品", "工程质量"], picked!.Fields);
        Assert.Equal(picked.Key, again!.Key);
        Assert.NotEqual(picked.Key, all.Key);
    }
}
