using CreditSite.Identifiers;

namespace CreditSite.Core.Tests.Identifiers;

public sealed class ResidentIdNumberTests
{
    // Numbers computed from the GB 11643 rule for 天宁区 (320402) / 钟楼区 (320404); not real people.
    [Theory]
    [InlineData("320402198501090012", "1985-01-09")]
    [InlineData("32040219900307003X", "1990-03-07")] // check value 10 → X
    [InlineData("32040419920815001X", "1992-08-15")]
    [InlineData("320402200002290028", "2000-02-29")] // leap day
    [InlineData("320402190001010016", "1900-01-01")]
    public void AcceptsValidNumbersAndReadsTheBirthDate(string number, string birthDate)
    {
        var result = ResidentIdNumber.Parse(number);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), result.Value!.Value.BirthDate);
    }

    [Theory]
    [InlineData("32040219900307003x", "32040219900307003X")]
    [InlineData(" 320402198501090012\t", "320402198501090012")]
    [InlineData("\u3000３２０４０２１９８５０１０９００１２", "320402198501090012")]
    [InlineData("３２０４０２１９９００３０７００３ｘ", "32040219900307003X")]
    public void NormalisesSpacesFullWidthAndLowerCaseX(string input, string expected)
    {
        var result = ResidentIdNumber.Parse(input);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(expected, result.Value!.Value.Value);
    }

    [Theory]
    [InlineData("", IdentifierRule.Empty, "请输入")]
    [InlineData("32040219850109001", IdentifierRule.Length, "当前为17位")]
    [InlineData("3204021985010900123", IdentifierRule.Length, "当前为19位")]
    [InlineData("320402198501090", IdentifierRule.Length, "当前为15位")] // old 15-digit numbers are not accepted
    [InlineData("32040219850109A012", IdentifierRule.Alphabet, "第15位")]
    [InlineData("32040219850109001Y", IdentifierRule.Alphabet, "第18位")]
    [InlineData("320402199002300008", IdentifierRule.BirthDate, "出生日期")] // 2月30日
    [InlineData("320402199013010006", IdentifierRule.BirthDate, "出生日期")] // 13月
    [InlineData("320402190102290010", IdentifierRule.BirthDate, "出生日期")] // 1901 is not a leap year
    [InlineData("320402189912310011", IdentifierRule.BirthDate, "出生日期")] // before 1900
    [InlineData("91320481590218834X", IdentifierRule.BirthDate, "出生日期")] // "born" in 8159: a USCC, not a person
    [InlineData("320402219901010018", IdentifierRule.BirthDate, "出生日期")] // 2199: not born yet
    [InlineData("320402198501090013", IdentifierRule.CheckCharacter, "第18位应为“2”")]
    [InlineData("320402199003070030", IdentifierRule.CheckCharacter, "第18位应为“X”")]
    public void RejectsBadNumbersSayingWhichRuleFailed(string input, IdentifierRule rule, string fragment)
    {
        var result = ResidentIdNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(rule, result.FailedRule);
        Assert.Contains(fragment, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("320402198501090012", "320402********0012")]
    [InlineData("32040219900307003X", "320402********003X")]
    public void MasksAllButTheFirstSixAndLastFour(string number, string masked)
    {
        var id = ResidentIdNumber.Parse(number).Value!.Value;

        Assert.Equal(masked, id.Masked);
        Assert.Equal(masked, id.ToString());
        Assert.DoesNotContain(number.Substring(6, 8), $"{id}", StringComparison.Ordinal);
    }

    [Fact]
    public void NeverEchoesTheFullNumberInAnErrorMessage()
    {
        var result = ResidentIdNumber.Parse("320402198501090013");

        Assert.DoesNotContain("32040219850109001", result.Message, StringComparison.Ordinal);
    }
}
