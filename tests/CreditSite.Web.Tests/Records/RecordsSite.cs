using CreditSite.Import;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Records;

/// <summary>The site on <see cref="RecordSamples.Today"/> (10:00 China Standard Time) with <see cref="RecordSamples"/>
/// written into its store and the list entries of <see cref="ListCsv"/> imported, all indexed by the site's own
/// synchroniser. Its clock is a <see cref="FakeTimeProvider"/>; a test that moves it (forward only) uses a site of its own.</summary>
public sealed class RecordsSite : SiteFactory
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    // 常州钟楼顺达物流有限公司: on the black list twice, once serious and once general (其他).
    public const string CarrierCode = "91320404MA8KK3M23F";
    public const string CarrierName = "常州钟楼顺达物流有限公司";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _seeded;

    public const string ListCsv = $"""
        entry_id,list_kind,subject_type,subject_name,uscc,id_number,field,issuing_department,decision_number,decision_date,public_until,severity,legal_basis,summary,status
        REC-2025-0001,red,legal_person,{RecordSamples.CompanyName},{RecordSamples.CompanyCode},,税务,常州市税务局,常税发〔2025〕40号,2025-04-01,2027-04-01,,《江苏省社会信用条例》第二十七条,纳税信用A级。,active
        REC-2025-0002,black,legal_person,{CarrierName},{CarrierCode},,交通运输,常州市交通运输局,常交执罚〔2025〕9号,2025-03-05,2028-03-05,serious,《道路运输条例》第七十条,超限运输情节严重。,active
        REC-2025-0003,black,legal_person,{CarrierName},{CarrierCode},,交通运输,常州市交通运输局,常交执罚〔2025〕17号,2025-05-09,2026-05-09,general,《道路运输条例》第六十九条,未按规定维护车辆。,active
        """;

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        });
    }

    public async Task<HttpClient> ClientAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_seeded)
            {
                var client = CreateClient(); // starts the site and its synchroniser
                client.Dispose();
                var file = Path.Combine(DataPath, "entries.csv");
                Directory.CreateDirectory(DataPath);
                await File.WriteAllTextAsync(file, ListCsv);
                var result = await Services.GetRequiredService<ListImporter>().ImportAsync(file);
                Assert.True(result.Accepted, result.Report.Describe());
                await RecordSamples.WriteAsync(Services);
                _seeded = true;
            }
        }
        finally
        {
            _gate.Release();
        }

        return CreateClient();
    }
}

/// <summary>The test classes that only read <see cref="RecordsSite"/> share one (they run one after another); a class
/// that moves the clock has its own.</summary>
[CollectionDefinition(Name)]
public sealed class RecordsSiteShared : ICollectionFixture<RecordsSite>
{
    public const string Name = "the records site";
}
