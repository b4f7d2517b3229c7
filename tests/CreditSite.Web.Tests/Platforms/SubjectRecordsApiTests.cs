using System.Globalization;
using System.Net;
using System.Text.Json;
using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.Web.Tests.Platforms;

/// <summary><c>GET /api/v1/subjects/{uscc}</c> carries every kind in public view — 基础信息 with 曾用名, 行政许可,
/// 行政处罚, red and black list entries, 信用承诺 — each record with its fields, status and page; and the search API's
/// hits carry the records' own fields. Records are written into the site's store and indexed by its synchroniser.</summary>
public sealed class SubjectRecordsApiTests(SubjectRecordsApiTests.Site site) : IClassFixture<SubjectRecordsApiTests.Site>
{
    public static readonly string CompanyCode = RecordsSite.Code("MA1K0001");
    public static readonly string RegistryOnlyCode = RecordsSite.Code("MA1K0002");
    public const string CompanyName = "常州市天宁区恒信食品有限公司";
    public const string FormerName = "常州恒信副食品商行有限公司";
    public static readonly string PersonId = ResidentIdNumber.Complete("32040219900307001").Value;

    public sealed class Site : RecordsSite, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var today = Today;
            await WriteSubjectsAsync(Registration(CompanyCode, CompanyName, FormerName), Registration(RegistryOnlyCode, "常州市钟楼区只登记机械有限公司"));
            await WriteAsync(RecordKind.Licence,
                Licence("XK-0001", CompanyCode, CompanyName, today.AddDays(-100), today.AddYears(1)),
                Licence("XK-0002", CompanyCode, CompanyName, today.AddDays(-200), today.AddYears(2), RecordStatus.Revoked),
                Licence("XK-0003", CompanyCode, CompanyName, today.AddDays(-300), today.AddYears(1), RecordStatus.Expired));
            await WriteAsync(RecordKind.Commitment,
                Commitment("CN-0001", CompanyCode, CompanyName, today.AddDays(-20), today.AddYears(1)),
                Commitment("CN-0002", CompanyCode, CompanyName, today.AddDays(-40), today.AddYears(1), RecordStatus.Withdrawn));
            await ImportListEntriesAsync(
                $"RL-0001,red,legal_person,{CompanyName},{CompanyCode},,诚信典型,市市场监督管理局,常市监〔{today.AddDays(-60).Year}〕RL-0001号,{Iso(today.AddDays(-60))},{Iso(today.AddYears(2))},,《常州市守信激励办法》,守合同重信用。,active");
            await WriteAsync(RecordKind.Penalty,
                Penalty("CF-0001", CompanyCode, CompanyName, today.AddDays(-30), today.AddDays(300)),
                Penalty("CF-0002", CompanyCode, CompanyName, today.AddDays(-50), today.AddDays(300), RecordStatus.Repaired),
                Penalty("CF-0003", CompanyCode, CompanyName, today.AddDays(-400), today.AddDays(-1)),
                Penalty("CF-0004", CompanyCode, CompanyName, today.AddDays(-10), today.AddDays(300), RecordStatus.UnderObjection),
                PersonPenalty("CF-0005", PersonId, "李某", today.AddDays(-5), today.AddDays(200)));
            await WaitForSubjectAsync(CompanyCode, "CF-0001", "CF-0004", "XK-0001", "CN-0001", "RL-0001", FormerName);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task SubjectAnswerCarriesEveryKindInPublicViewWithFieldsStatusAndRecordPage()
    {
        using var answer = await GetJsonAsync($"/api/v1/subjects/{CompanyCode}");
        var root = answer.RootElement;

        Assert.Equal(CompanyName, root.GetProperty("name").GetString());
        var registration = root.GetProperty("registration");
        Assert.Equal([FormerName], registration.GetProperty("formerNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("存续", registration.GetProperty("status").GetString());
        Assert.Equal("王某", registration.GetProperty("legalRepresentative").GetString());

        Assert.Equal(["XK-0001", "XK-0002"], Ids(root, "licences"));
        Assert.Equal(["CF-0004", "CF-0001"], Ids(root, "penalties"));
        Assert.Equal(["CN-0001"], Ids(root, "commitments"));
        Assert.Equal(["RL-0001"], root.GetProperty("redList").EnumerateArray().Select(h => h.GetProperty("id").GetString()!.Split(':')[^1]));
        Assert.Empty(root.GetProperty("blackList").EnumerateArray());
        Assert.Equal("red", root.GetProperty("status").GetString());

        var penalty = root.GetProperty("penalties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "CF-0001");
        Assert.Equal($"{RecordsSite.PublicBaseUrl}/records/penalty/CF-0001", penalty.GetProperty("url").GetString());
        Assert.Equal("active", penalty.GetProperty("status").GetString());
        Assert.Equal("公示中", penalty.GetProperty("statusLabel").GetString());
        Assert.Equal(["罚款", "没收违法所得"], penalty.GetProperty("penaltyTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2.5m, penalty.GetProperty("fineAmount").GetDecimal());
        Assert.Equal("经查，当事人销售超过保质期的食品。", penalty.GetProperty("facts").GetString());
        Assert.False(penalty.TryGetProperty("certificateName", out _));
        var objected = root.GetProperty("penalties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "CF-0004");
        Assert.Equal("under_objection", objected.GetProperty("status").GetString());

        var revoked = root.GetProperty("licences").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "XK-0002");
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("已撤销", revoked.GetProperty("statusLabel").GetString());
        Assert.Equal("食品经营许可证", revoked.GetProperty("certificateName").GetString());
        Assert.Equal("普通", revoked.GetProperty("licenceCategory").GetString());
        Assert.Equal("证明事项告知承诺", root.GetProperty("commitments")[0].GetProperty("commitmentType").GetString());
    }

    [Fact]
    public async Task RecordsOutOfPublicViewAreNotInTheSubjectAnswer()
    {
        var body = await site.CreateClient().GetStringAsync(new Uri($"/api/v1/subjects/{CompanyCode}", UriKind.Relative));

        Assert.DoesNotContain("XK-0003", body, StringComparison.Ordinal); // expired licence
        Assert.DoesNotContain("CF-0002", body, StringComparison.Ordinal); // repaired
        Assert.DoesNotContain("CF-0003", body, StringComparison.Ordinal); // past public_until
        Assert.DoesNotContain("CN-0002", body, StringComparison.Ordinal); // withdrawn commitment
    }

    [Fact]
    public async Task ASubjectKnownOnlyByItsRegistryRecordIsFound()
    {
        using var answer = await GetJsonAsync($"/api/v1/subjects/{RegistryOnlyCode}");

        var root = answer.RootElement;
        Assert.Equal("常州市钟楼区只登记机械有限公司", root.GetProperty("name").GetString());
        Assert.Equal("常州市天宁区市场监督管理局", root.GetProperty("registration").GetProperty("registrationAuthority").GetString());
        Assert.Equal("clean", root.GetProperty("status").GetString());
        Assert.Empty(root.GetProperty("penalties").EnumerateArray());
    }

    [Fact]
    public async Task SearchAnswerCarriesRecordFieldsAndOnlyTheMaskedNumberOfAPenalisedPerson()
    {
        using var response = await site.CreateClient().GetAsync(new Uri("/api/v1/search?q=" + PersonId, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(PersonId, body, StringComparison.Ordinal);
        using var answer = JsonDocument.Parse(body);
        var hit = answer.RootElement.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "penalty:CF-0005");
        Assert.Equal(ResidentIdNumber.Mask(PersonId), hit.GetProperty("maskedIdNumber").GetString());
        Assert.Equal("penalty", hit.GetProperty("type").GetString());
        Assert.Equal("active", hit.GetProperty("recordStatus").GetString());
        Assert.Equal(["罚款"], hit.GetProperty("penaltyTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("/records/penalty/CF-0005", hit.GetProperty("url").GetString());
    }

    [Fact]
    public async Task AFormerNameFindsTheRegistryRecordWithItsFormerNamesInTheSearchAnswer()
    {
        using var answer = await GetJsonAsync("/api/v1/search?type=subject&q=" + Uri.EscapeDataString(FormerName));

        var hit = answer.RootElement.GetProperty("hits").EnumerateArray().First();
        Assert.Equal($"subject:{CompanyCode}", hit.GetProperty("id").GetString());
        Assert.Equal([FormerName], hit.GetProperty("formerNames").EnumerateArray().Select(n => n.GetString()));
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await site.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static List<string?> Ids(JsonElement root, string section) =>
        root.GetProperty(section).EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
}
