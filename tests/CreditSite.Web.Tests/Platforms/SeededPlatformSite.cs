using System.Globalization;
using System.Text;
using CreditSite.Content;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The platform site with subjects in every state the badges and the status API know, put in the way data
/// really arrives: a CSV file imported into the store, then the store's changes applied to the index.</summary>
public class SeededPlatformSite : PlatformSite, IAsyncLifetime
{
    public static readonly string RedCode = Code("MA1R0001");
    public static readonly string BlackCode = Code("MA1B0002");
    public static readonly string TaxBlackCode = Code("MA1T0003");
    public static readonly string ExpiringCode = Code("MA1E0004");
    public static readonly string ExitedCode = Code("MA1X0005");
    public static readonly string UnknownCode = Code("MA1U0007");

    /// <summary>An organisation honoured in content/role-models/changzhou-heyue-textile.md and on no list.</summary>
    public const string HonouredCode = "913204137153926428";

    public const string RedName = "常州市天宁区诚信食品有限公司";
    public const string BlackName = "常州市钟楼区失信建材有限公司";
    public const string TaxBlackName = "常州市武进区欠税商贸有限公司";
    public const string ExpiringName = "常州市新北区到期贸易有限公司";
    public const string ExitedName = "常州市金坛区已退出餐饮有限公司";

    public virtual async Task InitializeAsync()
    {
        var honoured = Services.GetRequiredService<ContentLibrary>().RoleModels.Where(r => r.Uscc?.Value == HonouredCode);
        Assert.True(honoured.Any(), $"content/ no longer honours {HonouredCode}; pick another role model with a USCC.");

        var today = Today;
        await ImportAsync(
            Row("PT-R-1", "red", RedCode, RedName, "诚信典型", today.AddMonths(-2), today.AddYears(2), null),
            Row("PT-B-1", "black", BlackCode, BlackName, "工程质量", today.AddMonths(-3), today.AddMonths(9), "general"),
            Row("PT-B-2", "black", BlackCode, BlackName, "食品药品", today.AddDays(-10), today.AddMonths(11), "general"),
            Row("PT-T-1", "black", TaxBlackCode, TaxBlackName, "税务", today.AddDays(-5), today.AddYears(2), "serious"),
            Row("PT-E-1", "black", ExpiringCode, ExpiringName, "价格", today.AddYears(-1), today, "general"),
            Row("PT-X-1", "black", ExitedCode, ExitedName, "食品药品", today.AddDays(-20), today.AddMonths(6), "general", "exited"));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private async Task ImportAsync(params string[] rows)
    {
        Directory.CreateDirectory(DataPath);
        var file = Path.Combine(DataPath, "platform-entries.csv");
        await File.WriteAllTextAsync(file,
            "entry_id,list_kind,subject_type,subject_name,uscc,id_number,field,issuing_department,decision_number,decision_date,public_until,severity,legal_basis,summary,status\n"
            + string.Join('\n', rows) + "\n", new UTF8Encoding(false));

        var result = await Services.GetRequiredService<ListImporter>().ImportAsync(file);
        Assert.True(result.Accepted, string.Join("\n", result.Report.Problems));
        var outcome = await Services.GetRequiredService<ListIndexer>().CatchUpAsync(Services.GetRequiredService<ISearchEngine>(), TimeSpan.FromSeconds(30));
        Assert.NotEqual(ListIndexState.Busy, outcome.State);
    }

    private static string Row(string id, string kind, string uscc, string name, string field, DateOnly decided, DateOnly until, string? severity, string status = "active") =>
        string.Join(',', id, kind, "legal_person", name, uscc, "", field, "市市场监督管理局",
            $"常市监罚〔{decided.Year}〕{id}号", Iso(decided), Iso(until), severity ?? "",
            "《中华人民共和国食品安全法》", $"{name}在{field}领域的认定。", status);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
