using CreditSite.Identifiers;
using CreditSite.Reports;

namespace CreditSite.Core.Tests.Reports;

public sealed class ReportCodesTests
{
    [Fact]
    public void NumberStartsWithTheIssueTimeInChinaAndEndsWithEightUsccCharacters()
    {
        var number = ReportCodes.NewReportNumber(new DateTimeOffset(2025, 12, 31, 16, 0, 5, TimeSpan.Zero));

        Assert.StartsWith("20260101000005", number, StringComparison.Ordinal);
        Assert.Equal(22, number.Length);
        Assert.All(number[14..], c => Assert.Contains(c, UnifiedSocialCreditCode.Alphabet));
        Assert.True(ReportCodes.LooksLikeReportNumber(number));
    }

    [Fact]
    public void NumbersIssuedInTheSameSecondDiffer()
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

        var numbers = Enumerable.Range(0, 1000).Select(_ => ReportCodes.NewReportNumber(at)).ToHashSet();

        Assert.Equal(1000, numbers.Count);
    }

    [Theory]
    [InlineData("abcd-2345-efgh")]
    [InlineData(" ABCD 2345 EFGH ")]
    [InlineData("ＡＢＣＤ２３４５ＥＦＧＨ")]
    public void VerificationCodeHashAcceptsTheWaysPeopleTypeTheCode(string typed)
    {
        Assert.Equal(
            ReportCodes.HashVerificationCode("20250601093015K7QW3M2R", "ABCD2345EFGH"),
            ReportCodes.HashVerificationCode("20250601093015k7qw3m2r", typed));
    }

    [Fact]
    public void VerificationCodeHashIsBoundToTheReportNumber()
    {
        Assert.NotEqual(
            ReportCodes.HashVerificationCode("20250601093015K7QW3M2R", "ABCD2345EFGH"),
            ReportCodes.HashVerificationCode("20250601093015K7QW3M2A", "ABCD2345EFGH"));
    }

    [Fact]
    public void OpaqueIdsCarry128RandomBitsInUrlSafeCharacters()
    {
        var id = ReportCodes.NewOpaqueId();

        Assert.Equal(22, id.Length);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", id);
        Assert.NotEqual(id, ReportCodes.NewOpaqueId());
    }

    [Fact]
    public void VerificationCodeIsStableForANumberAndUnrelatedAcrossNumbersAndKeys()
    {
        var key = new ReportVerificationKey("a-secret-of-sixteen-or-more");
        var code = key.CodeFor("20250601093015K7QW3M2R");

        Assert.Equal(ReportVerificationKey.CodeLength, code.Length);
        Assert.All(code, c => Assert.Contains(c, UnifiedSocialCreditCode.Alphabet));
        Assert.Equal(code, key.CodeFor("20250601093015k7qw3m2r"));
        Assert.NotEqual(code, key.CodeFor("20250601093015K7QW3M2A"));
        Assert.NotEqual(code, new ReportVerificationKey("another-secret-of-sixteen").CodeFor("20250601093015K7QW3M2R"));
    }
}
