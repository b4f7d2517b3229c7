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

    [Theory]
    [InlineData("01:00", null)]
    [InlineData(" 23:59 ", null)]
    [InlineData("00:00", null)]
    [InlineData("24:00", "OverduePassTime")]
    [InlineData("1:00 AM", "OverduePassTime")]
    [InlineData("凌晨一点", "OverduePassTime")]
    [InlineData("", "OverduePassTime")]
    public void TheOverduePassTimeMustBeATimeOfDayInHoursAndMinutes(string value, string? named)
    {
        var options = new CreditRepairOptions { OverduePassTime = value };

        var problem = options.Problem();

        if (named is null)
        {
            Assert.Null(problem);
            Assert.Equal(TimeOnly.ParseExact(value.Trim(), "HH:mm", System.Globalization.CultureInfo.InvariantCulture), options.OverduePassTimeOfDay);
        }
        else
        {
            Assert.Contains(named, problem, StringComparison.Ordinal);
            Assert.Contains("HH:mm", problem, StringComparison.Ordinal);
        }
    }
}
