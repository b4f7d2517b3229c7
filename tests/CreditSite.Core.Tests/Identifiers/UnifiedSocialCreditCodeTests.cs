using CreditSite.Identifiers;

namespace CreditSite.Core.Tests.Identifiers;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91330100799655058B")] // 阿里巴巴（中国）有限公司
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司
    [InlineData("91110108551385082Q")] // 小米科技有限责任公司
    public void AcceptsPublishedCodesOfWellKnownCompanies(string code)
    {
        var result = UnifiedSocialCreditCode.Parse(code);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(code, result.Value!.Value.Value);
    }

    [Theory]
    [InlineData(" 914403001922038216 ")]
    [InlineData("\u3000９１４４０３００１９２２０３８２１６")]
    [InlineData("91330100799655058b")]
    public void NormalisesSpacesFullWidthAndLowerCase(string input)
    {
        Assert.True(UnifiedSocialCreditCode.Parse(input).IsValid);
    }

    [Fact]
    public void RejectsCodeWithWrongCheckCharacterAndSaysWhichItShouldBe()
    {
        var result = UnifiedSocialCreditCode.Parse("914403001922038217");

        Assert.False(result.IsValid);
        Assert.Equal(IdentifierRule.CheckCharacter, result.FailedRule);
        Assert.Equal('6', result.ExpectedCheckCharacter);
        Assert.Contains("应为“6”", result.Message, StringComparison.Ordinal);
    }
}
