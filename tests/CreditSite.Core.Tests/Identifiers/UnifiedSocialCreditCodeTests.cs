using CreditSite.Identifiers;

namespace CreditSite.Core.Tests.Identifiers;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91330100799655058B")] // 阿里巴巴（中国）有限公司
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司
    [InlineData("91110108551385082Q")] // 小米科技有限责任公司
    [InlineData("91110000802100433B")] // 百度在线网络技术（北京）有限公司
    [InlineData("91110000710926094P")] // 中国石油化工股份有限公司
    [InlineData("91440300192317458F")] // 比亚迪股份有限公司
    [InlineData("91110000710925243K")] // 中国移动通信集团有限公司
    public void AcceptsPublishedCodesOfWellKnownCompanies(string code)
    {
        var result = UnifiedSocialCreditCode.Parse(code);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(code, result.Value!.Value.Value);
    }

    // Edge cases computed from the GB 32100 / GB 11714 rules (scripted, see the commit message); 天宁区 division code.
    [Theory]
    [InlineData("913204021000002270", '7', '0')] // Σ mod 31 = 0: check value 31 → 0
    [InlineData("9132040210000018XL", 'X', 'L')] // organisation check 10 → X
    [InlineData("913204021000000401", '0', '1')] // organisation check 11 → 0
    [InlineData("9132040210000421X0", 'X', '0')] // both at once
    public void AcceptsEdgeCaseCheckValues(string code, char organisationCheck, char check)
    {
        var result = UnifiedSocialCreditCode.Parse(code);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(organisationCheck, UnifiedSocialCreditCode.OrganisationCheckCharacter(code.AsSpan(8, 8)));
        Assert.Equal(check, UnifiedSocialCreditCode.CheckCharacter(code.AsSpan(0, 17)));
        Assert.Equal("320402", result.Value!.Value.DivisionCode);
        Assert.Equal(code.Substring(8, 9), result.Value.Value.OrganisationCode);
    }

    [Theory]
    [InlineData(" 914403001922038216 ", "914403001922038216")]
    [InlineData("\u3000９１４４０３００１９２２０３８２１６\u3000", "914403001922038216")] // full-width digits and spaces
    [InlineData("９１３３０１００７９９６５５０５８Ｂ", "91330100799655058B")] // full-width letter
    [InlineData("91330100799655058b", "91330100799655058B")]
    [InlineData("9132040210000018xl", "9132040210000018XL")]
    [InlineData("9144 0300 7084 6113 6T", "91440300708461136T")]
    public void NormalisesSpacesFullWidthAndLowerCase(string input, string expected)
    {
        var result = UnifiedSocialCreditCode.Parse(input);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(expected, result.Value!.Value.Value);
    }

    [Theory]
    [InlineData("", IdentifierRule.Empty, "请输入")]
    [InlineData("   ", IdentifierRule.Empty, "请输入")]
    [InlineData("91440300192203821", IdentifierRule.Length, "当前为17位")]
    [InlineData("9144030019220382160", IdentifierRule.Length, "当前为19位")]
    [InlineData("91320402", IdentifierRule.Length, "当前为8位")]
    [InlineData("91320402I00000018X", IdentifierRule.Alphabet, "第9位字符“I”")]
    [InlineData("91320402O00000018X", IdentifierRule.Alphabet, "“O”")]
    [InlineData("91320402S00000018X", IdentifierRule.Alphabet, "“S”")]
    [InlineData("91320402V00000018X", IdentifierRule.Alphabet, "“V”")]
    [InlineData("91320402Z00000018X", IdentifierRule.Alphabet, "“Z”")]
    [InlineData("9132040210000018X!", IdentifierRule.Alphabet, "第18位")]
    [InlineData("9132040210000018AL", IdentifierRule.OrganisationCheck, "第17位应为“X”")]
    [InlineData("913204021000000481", IdentifierRule.OrganisationCheck, "第17位应为“0”")]
    [InlineData("914403001922038217", IdentifierRule.CheckCharacter, "第18位应为“6”")]
    [InlineData("913204021000002271", IdentifierRule.CheckCharacter, "第18位应为“0”")]
    public void RejectsBadCodesSayingWhichRuleFailed(string input, IdentifierRule rule, string fragment)
    {
        var result = UnifiedSocialCreditCode.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(rule, result.FailedRule);
        Assert.Contains(fragment, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompletesAFirstSixteenIntoAValidCode()
    {
        Assert.Equal("9132040210000018XL", UnifiedSocialCreditCode.Complete("9132040210000018").Value);
    }
}
