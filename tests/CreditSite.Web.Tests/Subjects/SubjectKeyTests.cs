using System.Net;
using CreditSite.Identifiers;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Subjects;

/// <summary>A company whose USCC is all digits, on the red list, and a person on the black list.</summary>
public sealed class AllDigitCodeSite : ImportedSiteFactory
{
    public const string Code = "914403001922038216";

    protected override string Csv => """
        entry_id,list_kind,subject_type,subject_name,uscc,id_number,field,issuing_department,decision_number,decision_date,public_until,severity,legal_basis,summary,status
        DIGITS-2025-0001,red,legal_person,深圳市数字代码示例有限公司,914403001922038216,,税务,常州市税务局,常税发〔2025〕31号,2025-03-01,2027-03-01,,《江苏省社会信用条例》第二十七条,纳税信用A级。,active
        DIGITS-2025-0002,black,natural_person,王伟,,320402198001010012,司法执行,市中级人民法院,（2025）苏04执88号,2025-02-10,2028-02-10,serious,《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条,有履行能力而拒不履行生效法律文书确定的义务。,active
        """;
}

public sealed class SubjectKeyTests(AllDigitCodeSite site) : IClassFixture<AllDigitCodeSite>
{
    [Fact]
    public async Task AnAllDigitUsccOpensTheOrganisationWithItsRedListEntry()
    {
        var response = await (await site.ClientAsync()).GetAsync(new Uri($"/subjects/{AllDigitCodeSite.Code}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("深圳市数字代码示例有限公司", html, StringComparison.Ordinal);
        Assert.Contains("常税发〔2025〕31号", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonIsOpenedByTheOneKeyShapeFoundOnTheSearchPage()
    {
        var client = await site.ClientAsync();
        var results = await client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("王伟"), UriKind.Relative));
        var key = System.Text.RegularExpressions.Regex.Match(results, "/subjects/([0-9a-f]+)\"").Groups[1].Value;

        var person = await client.GetAsync(new Uri($"/subjects/{key}", UriKind.Relative));

        Assert.True(ResidentIdHasher.IsSubjectKeyShape(key), key);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
    }

    [Theory]
    [InlineData("0123456789abcdef0123", true)]
    [InlineData("0123456789ABCDEF0123", false)]
    [InlineData("0123456789abcdef012", false)]
    [InlineData("0123456789abcdef01234", false)]
    [InlineData("914403001922038216", false)]
    [InlineData("0123456789abcdef012g", false)]
    [InlineData(null, false)]
    public void PersonKeysHaveOneExactShape(string? key, bool expected)
    {
        Assert.Equal(expected, ResidentIdHasher.IsSubjectKeyShape(key));
    }
}
