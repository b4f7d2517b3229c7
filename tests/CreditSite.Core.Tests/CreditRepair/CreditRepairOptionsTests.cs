using CreditSite.CreditRepair;

namespace CreditSite.Core.Tests.CreditRepair;

public sealed class CreditRepairOptionsTests
{
    [Theory]
    [InlineData(3, 5, 5, null)]
    [InlineData(1, 60, 1, null)]
    [InlineData(0, 5, 5, "AcceptanceWorkingDays")]
    [InlineData(3, 61, 5, "RepairDecisionWorkingDays")]
    [InlineData(3, 5, -1, "ObjectionDecisionWorkingDays")]
    public void TimeLimitsOutsideOneToSixtyWorkingDaysAreRefused(int acceptance, int repair, int objection, string? named)
    {
        var problem = new CreditRepairOptions
        {
            AcceptanceWorkingDays = acceptance,
            RepairDecisionWorkingDays = repair,
            ObjectionDecisionWorkingDays = objection,
        }.Problem();

        if (named is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(named, problem, StringComparison.Ordinal);
            Assert.Contains("工作日", problem, StringComparison.Ordinal);
        }
    }
}
