using System.Net;
using System.Text;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The real site (real store, real embedded index, its own synchroniser) with records written into its store
/// the way an import writes them (<see cref="RecordStore"/>), and a fake clock that starts at the real time: the store
/// stamps writes with the real clock, and the change feed and the periods read the site's, so the two must agree for
/// a write to come before a date that the test then moves the clock past.</summary>
public class RecordsSite : SiteFactory
{
    public const string PublicBaseUrl = "https://credit.example.cn";
    public const string TestingIdHashKey = "testing-only-id-hash-key-not-a-secret";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public DateOnly Today => CreditCalendar.Today(Clock);

    public RecordStore Records => Services.GetRequiredService<RecordStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = PublicBaseUrl,
            ["Privacy:IdHashKey"] = TestingIdHashKey,
        }));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A valid code whose organisation part is made from <paramref name="seed"/> (8 characters).</summary>
    public static string Code(string seed) => UnifiedSocialCreditCode.Complete("91320402" + seed).Value;

    public Task<ListWriteOutcome> WriteAsync(RecordKind kind, params PublicRecord[] records) => WriteAsync(kind, replace: false, records);

    public Task<ListWriteOutcome> WriteAsync(RecordKind kind, bool replace, params PublicRecord[] records)
    {
        _ = CreateClient(); // The site (and its synchroniser) runs from the first request on.
        return Records.WriteRecordsAsync(kind, records, new ListWrite { Source = "test-records.csv", Replace = replace });
    }

    public Task<ListWriteOutcome> WriteSubjectsAsync(params RegistrySubject[] subjects)
    {
        _ = CreateClient();
        return Records.WriteSubjectsAsync(subjects, new ListWrite { Source = "test-subjects.csv" });
    }

    /// <summary>Imports red/black list entries through the real list importer (CSV rows without header).</summary>
    public async Task ImportListEntriesAsync(params string[] rows)
    {
        Directory.CreateDirectory(DataPath);
        var file = Path.Combine(DataPath, "list-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file,
            "entry_id,list_kind,subject_type,subject_name,uscc,id_number,field,issuing_department,decision_number,decision_date,public_until,severity,legal_basis,summary,status\n"
            + string.Join('\n', rows) + "\n", new UTF8Encoding(false));
        var result = await Services.GetRequiredService<ListImporter>().ImportAsync(file);
        Assert.True(result.Accepted, result.Report.Describe());
    }

    /// <summary>Waits until the site's synchroniser has indexed what was written, seen through the subject API.</summary>
    public async Task<string> WaitForSubjectAsync(string uscc, params string[] texts)
    {
        var client = CreateClient();
        string? body = null;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri($"/api/v1/subjects/{uscc}", UriKind.Relative));
                body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
                return body is not null && texts.All(t => body.Contains(t, StringComparison.Ordinal));
            },
            $"/api/v1/subjects/{uscc} never showed {string.Join("、", texts)}");
        return body!;
    }

    public static PublicRecord Penalty(string id, string uscc, string name, DateOnly decided, DateOnly? until, RecordStatus status = RecordStatus.Active) => new()
    {
        Kind = RecordKind.Penalty,
        RecordId = id,
        SubjectType = SubjectType.LegalPerson,
        SubjectName = name,
        Uscc = uscc,
        LegalRepresentative = "王某",
        SubjectKey = uscc,
        DecisionNumber = $"常市监罚〔{decided.Year}〕{id}号",
        DecisionDate = decided,
        PublicUntil = until,
        Department = "常州市市场监督管理局",
        DepartmentUscc = UnifiedSocialCreditCode.Complete("11320400MB1D0327").Value,
        Field = "食品药品",
        Content = $"罚款人民币{id.Length}万元。",
        Status = status,
        ViolationType = "销售不符合食品安全标准的食品",
        Facts = "经查，当事人销售超过保质期的食品。",
        LegalBasis = "《中华人民共和国食品安全法》第一百二十四条",
        PenaltyTypes = ["罚款", "没收违法所得"],
        FineAmount = 2.5m,
        ConfiscatedAmount = 0.3m,
        Severity = Severity.General,
    };

    public static PublicRecord PersonPenalty(string id, string residentId, string name, DateOnly decided, DateOnly until)
    {
        var number = ResidentIdNumber.Parse(residentId).Value!.Value;
        var hasher = new ResidentIdHasher(TestingIdHashKey);
        var hash = hasher.Hash(number);
        return new PublicRecord
        {
            Kind = RecordKind.Penalty,
            RecordId = id,
            SubjectType = SubjectType.NaturalPerson,
            SubjectName = name,
            ResidentIdHash = hash,
            MaskedIdNumber = number.Masked,
            SubjectKey = hasher.SubjectKey(hash),
            DecisionNumber = $"常公罚〔{decided.Year}〕{id}号",
            DecisionDate = decided,
            PublicUntil = until,
            Department = "常州市公安局",
            Content = "罚款人民币500元。",
            Status = RecordStatus.Active,
            LegalBasis = "《中华人民共和国治安管理处罚法》",
            PenaltyTypes = ["罚款"],
            FineAmount = 0.05m,
            Severity = Severity.General,
        };
    }

    public static PublicRecord Licence(string id, string uscc, string name, DateOnly decided, DateOnly? validTo, RecordStatus status = RecordStatus.Valid) => new()
    {
        Kind = RecordKind.Licence,
        RecordId = id,
        SubjectType = SubjectType.LegalPerson,
        SubjectName = name,
        Uscc = uscc,
        LegalRepresentative = "王某",
        SubjectKey = uscc,
        DecisionTitle = "食品经营许可决定书",
        DecisionNumber = $"常市监许〔{decided.Year}〕{id}号",
        DecisionDate = decided,
        PublicUntil = validTo,
        ValidFrom = decided,
        ValidTo = validTo,
        Department = "常州市市场监督管理局",
        Category = "普通",
        CertificateName = "食品经营许可证",
        CertificateNumber = "JY13204020000001",
        Content = "准予食品经营许可：预包装食品销售。",
        Status = status,
    };

    public static PublicRecord Commitment(string id, string uscc, string name, DateOnly madeOn, DateOnly? until, RecordStatus status = RecordStatus.Active) => new()
    {
        Kind = RecordKind.Commitment,
        RecordId = id,
        SubjectType = SubjectType.LegalPerson,
        SubjectName = name,
        Uscc = uscc,
        SubjectKey = uscc,
        DecisionDate = madeOn,
        PublicUntil = until,
        Department = "常州市行政审批局",
        Category = "证明事项告知承诺",
        Content = "本单位承诺所提交的材料真实有效，如有虚假愿承担相应责任。",
        Status = status,
    };

    public static RegistrySubject Registration(string uscc, string name, params string[] formerNames) => new()
    {
        Uscc = uscc,
        Name = name,
        FormerNames = formerNames,
        EntityType = "有限责任公司（自然人投资或控股）",
        LegalRepresentative = "王某",
        RegisteredOn = new DateOnly(2015, 3, 12),
        RegistrationAuthority = "常州市天宁区市场监督管理局",
        Address = "常州市天宁区演示路 8 号",
        Status = "存续",
    };
}
