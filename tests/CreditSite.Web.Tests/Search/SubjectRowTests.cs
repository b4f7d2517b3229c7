using System.Net;
using System.Text.Json;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using static CreditSite.Web.Tests.Records.RecordSamples;

namespace CreditSite.Web.Tests.Search;

/// <summary>The one-stop query answers one row per subject (issue 13): a company with a list entry, licences, penalties,
/// commitments and a registry record is one row with its counts per kind linking to its page's sections; a former name
/// shows 曾用名; rows are counted and paged by subject; the API's rows carry a <c>subject</c> object.</summary>
[Collection(RecordsSiteShared.Name)]
public sealed class SubjectRowTests(RecordsSite site)
{
    /// <summary>Every subject of <see cref="RecordSamples"/> and <see cref="RecordsSite"/> with something in view
    /// (the person has a key of their own).</summary>
    private static readonly string[] Organisations = [CompanyCode, ChemicalCode, ShopCode, RegistryOnlyCode, RecordsSite.CarrierCode];

    private async Task<string> PageAsync(string query)
    {
        var client = await site.ClientAsync();
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/search?" + query, UriKind.Relative)));
    }

    private async Task<JsonDocument> ApiAsync(string query)
    {
        var client = await site.ClientAsync();
        using var response = await client.GetAsync(new Uri("/api/v1/search?" + query, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>The result rows of a page: each <c>li.result</c> up to the next one (rows hold lists of their own).</summary>
    private static List<string> Rows(string html)
    {
        var rows = new List<string>();
        var at = html.IndexOf("<li class=\"result", StringComparison.Ordinal);
        while (at >= 0)
        {
            var next = html.IndexOf("<li class=\"result", at + 1, StringComparison.Ordinal);
            var end = next >= 0 ? next : html.IndexOf("</ol>", at, StringComparison.Ordinal);
            rows.Add(html[at..end]);
            at = next;
        }

        return rows;
    }

    [Fact]
    public async Task ACompanyWithAListEntryLicencesPenaltiesAndCommitmentsIsOneRowWithItsCounts()
    {
        var html = await PageAsync("q=" + SiteClient.Query("恒达新材料"));

        var row = Assert.Single(Rows(html), r => r.Contains($"/subjects/{CompanyCode}", StringComparison.Ordinal));
        Assert.Contains("subject-row", row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/subjects/{CompanyCode}\" class=\"subject-name\">", row, StringComparison.Ordinal);
        Assert.Contains($"统一社会信用代码：{CompanyCode}", row, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag tag-red\">红名单</span>", row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/subjects/{CompanyCode}#rewards\">列入名单 <strong>1</strong></a>", row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/subjects/{CompanyCode}#licences\">行政许可 <strong>{CompanyLicencesInView}</strong></a>", row, StringComparison.Ordinal);
        // Repaired, expired and unpublished penalties are not counted: 3 in view, as the subject page says.
        Assert.Contains($"<a href=\"/subjects/{CompanyCode}#penalties\">行政处罚 <strong>3</strong></a>", row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/subjects/{CompanyCode}#commitments\">信用承诺 <strong>{CompanyCommitmentsInView}</strong></a>", row, StringComparison.Ordinal);
        Assert.Contains("<mark>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("曾用名：", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubjectWithoutAKindShowsItsZeroWithoutALink()
    {
        var html = await PageAsync("q=" + SiteClient.Query(RegistryOnlyName));

        var row = Assert.Single(Rows(html), r => r.Contains($"/subjects/{RegistryOnlyCode}", StringComparison.Ordinal));
        Assert.Contains("<span class=\"muted\">行政处罚 0</span>", row, StringComparison.Ordinal);
        Assert.DoesNotContain($"/subjects/{RegistryOnlyCode}#", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormerNameQueryShowsTheFormerNameOnTheRowAndInTheApi()
    {
        var html = await PageAsync("q=" + SiteClient.Query(FormerName));
        using var api = await ApiAsync("q=" + SiteClient.Query(FormerName));

        var row = Assert.Single(Rows(html), r => r.Contains($"/subjects/{CompanyCode}", StringComparison.Ordinal));
        Assert.Contains($"曾用名：<mark>{FormerName}</mark>（按曾用名找到，现名称为“{CompanyName}”）", row, StringComparison.Ordinal);
        var subject = api.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("subject")).Single(s => s.GetProperty("subjectKey").GetString() == CompanyCode);
        Assert.Equal(CompanyName, subject.GetProperty("name").GetString());
        Assert.Equal(FormerName, subject.GetProperty("matchedFormerName").GetString());
        Assert.Equal([FormerName], subject.GetProperty("formerNames").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task TheApiAnswersEachSubjectOnceWithItsSubjectObjectBesideTheFieldsItHadBefore()
    {
        using var answer = await ApiAsync("q=" + SiteClient.Query("恒达新材料"));

        var hits = answer.RootElement.GetProperty("hits").EnumerateArray().ToList();
        var hit = Assert.Single(hits, h => h.TryGetProperty("subject", out var s) && s.GetProperty("subjectKey").GetString() == CompanyCode);
        var subject = hit.GetProperty("subject");
        Assert.Equal(CompanyName, subject.GetProperty("name").GetString());
        Assert.Equal($"/subjects/{CompanyCode}", subject.GetProperty("url").GetString());
        Assert.Equal(CompanyCode, subject.GetProperty("uscc").GetString());
        Assert.Equal("legal_person", subject.GetProperty("subjectType").GetString());
        var counts = subject.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("listEntries").GetInt32());
        Assert.Equal(CompanyLicencesInView, counts.GetProperty("licences").GetInt32());
        Assert.Equal(3, counts.GetProperty("penalties").GetInt32());
        Assert.Equal(CompanyCommitmentsInView, counts.GetProperty("commitments").GetInt32());
        Assert.Equal(0, counts.GetProperty("roleModels").GetInt32());
        Assert.Equal(["red"], subject.GetProperty("lists").EnumerateArray().Select(l => l.GetString()));
        Assert.Empty(subject.GetProperty("statuses").EnumerateArray());
        Assert.True(subject.GetProperty("matchedDocuments").GetInt32() > 1);
        Assert.False(subject.TryGetProperty("matchedFormerName", out _));

        // The row is still a document with the fields platforms read before (the subject's best-matching one).
        foreach (var field in new[] { "id", "type", "title", "titleHtml", "snippetHtml", "url", "date", "subjectName", "uscc" })
        {
            Assert.True(hit.TryGetProperty(field, out _), $"hit lost its field {field}");
        }

        Assert.Equal(CompanyCode, hit.GetProperty("uscc").GetString());
        Assert.False(answer.RootElement.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(hits.Count, answer.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AContentItemIsARowWithoutASubjectObject()
    {
        using var answer = await ApiAsync("q=" + SiteClient.Query("诚信") + "&type=policy");

        var hits = answer.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.False(h.TryGetProperty("subject", out _)));
    }

    [Fact]
    public async Task RowsAreCountedAndPagedBySubject()
    {
        const string Kinds = "type=list_entry,licence,penalty,commitment,subject";
        var keys = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            using var answer = await ApiAsync($"{Kinds}&page_size=4&page={page}");
            Assert.Equal(Organisations.Length + 1, answer.RootElement.GetProperty("total").GetInt64());
            Assert.Equal(2, answer.RootElement.GetProperty("pageCount").GetInt32());
            keys.AddRange(answer.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("subject").GetProperty("subjectKey").GetString()!));
        }

        Assert.Equal(Organisations.Length + 1, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Superset(Organisations.ToHashSet(), keys.ToHashSet());

        var html = await PageAsync(Kinds + "&page_size=4");
        Assert.Contains($"共 <strong>{Organisations.Length + 1}</strong> 个主体", html, StringComparison.Ordinal);
        Assert.Equal(4, Rows(html).Count);
        Assert.Contains("第 1 / 2 页", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupNoneAnswersOneRowPerDocumentAsBefore()
    {
        using var grouped = await ApiAsync($"q={CompanyCode}&page_size=100");
        using var documents = await ApiAsync($"q={CompanyCode}&page_size=100&group=none");
        using var refused = await (await site.ClientAsync()).GetAsync(new Uri("/api/v1/search?group=all", UriKind.Relative));

        Assert.Equal(1, grouped.RootElement.GetProperty("total").GetInt64());
        // 13 licences, 3 penalties, 12 commitments, the registry record and the red-list entry.
        Assert.Equal(30, documents.RootElement.GetProperty("total").GetInt64());
        Assert.All(documents.RootElement.GetProperty("hits").EnumerateArray(), h => Assert.False(h.TryGetProperty("subject", out _)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("参数 group 只能是", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
