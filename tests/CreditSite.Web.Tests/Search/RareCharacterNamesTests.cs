using System.Net;
using CreditSite.Web.Tests.Infrastructure;

namespace CreditSite.Web.Tests.Search;

/// <summary>A company and a person whose names hold characters of the CJK extensions B, E and G (outside the Basic
/// Multilingual Plane; GB 18030-2022), imported through the real importer into the real on-disk index.</summary>
public sealed class RareNamesSite : ImportedSiteFactory
{
    public const string CompanyName = "常州𪚥𬌗科技有限公司";
    public const string CompanyCode = "91320402MA1T8KQ41L";
    public const string PersonName = "王𰻞𠀀";

    protected override string Csv => """
        entry_id,list_kind,subject_type,subject_name,uscc,id_number,field,issuing_department,decision_number,decision_date,public_until,severity,legal_basis,summary,status
        RARE-2025-0001,black,legal_person,常州𪚥𬌗科技有限公司,91320402MA1T8KQ41L,,税务,常州市税务局,常税稽罚〔2025〕77号,2025-03-01,2028-03-01,serious,《重大税收违法失信主体信息公布管理办法》第六条,虚开发票。,active
        RARE-2025-0002,black,natural_person,王𰻞𠀀,,320402199002020030,司法执行,市中级人民法院,（2025）苏04执177号,2025-02-10,2028-02-10,serious,《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条,有履行能力而拒不履行生效法律文书确定的义务。,active
        """;
}

public sealed class RareCharacterNamesTests(RareNamesSite site) : IClassFixture<RareNamesSite>
{
    [Theory]
    [InlineData("𪚥𬌗")]
    [InlineData("𬌗科技")]
    [InlineData("𪚥")]
    [InlineData(RareNamesSite.CompanyName)]
    public async Task TheSearchPageFindsTheCompanyByAnyPartOfItsName(string query)
    {
        var html = await (await site.ClientAsync()).GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));

        Assert.Contains($"/subjects/{RareNamesSite.CompanyCode}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("王𰻞𠀀")]
    [InlineData("𰻞𠀀")]
    [InlineData("𰻞")]
    public async Task TheApiFindsThePersonByAnyPartOfTheName(string query)
    {
        var json = await (await site.ClientAsync()).GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));

        Assert.Contains(RareNamesSite.PersonName, System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSubjectPageAndTheBlackListFeedShowTheNameUnchanged()
    {
        var client = await site.ClientAsync();

        var subject = await client.GetAsync(new Uri($"/subjects/{RareNamesSite.CompanyCode}", UriKind.Relative));
        var feed = await client.GetStringAsync(new Uri("/feeds/black-list.atom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, subject.StatusCode);
        Assert.Contains(RareNamesSite.CompanyName, WebUtility.HtmlDecode(await subject.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(RareNamesSite.CompanyName, WebUtility.HtmlDecode(feed), StringComparison.Ordinal);
        Assert.Contains(RareNamesSite.PersonName, WebUtility.HtmlDecode(feed), StringComparison.Ordinal);
    }
}
