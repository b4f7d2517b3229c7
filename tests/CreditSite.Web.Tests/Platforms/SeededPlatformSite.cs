using CreditSite.Domain;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The platform site with a small set of subjects in every state the badges and the status API know.</summary>
public class SeededPlatformSite : PlatformSite, IAsyncLifetime
{
    public static readonly string RedCode = Code("MA1R0001");
    public static readonly string BlackCode = Code("MA1B0002");
    public static readonly string TaxBlackCode = Code("MA1T0003");
    public static readonly string ExpiringCode = Code("MA1E0004");
    public static readonly string ExitedCode = Code("MA1X0005");
    public static readonly string HonouredCode = Code("MA1H0006");
    public static readonly string UnknownCode = Code("MA1U0007");

    public const string RedName = "常州市天宁区诚信食品有限公司";
    public const string BlackName = "常州市钟楼区失信建材有限公司";
    public const string TaxBlackName = "常州市武进区欠税商贸有限公司";
    public const string ExpiringName = "常州市新北区到期贸易有限公司";
    public const string ExitedName = "常州市金坛区已退出餐饮有限公司";
    public const string HonouredName = "常州市溧阳守信机械有限公司";

    public virtual async Task InitializeAsync()
    {
        var today = Today;
        await AddAsync(
            Entry("R-1", RedCode, RedName, ListKind.Red, today.AddMonths(-2), today.AddYears(2), "诚信典型"),
            Entry("B-1", BlackCode, BlackName, ListKind.Black, today.AddMonths(-3), today.AddMonths(9), "工程质量"),
            Entry("B-2", BlackCode, BlackName, ListKind.Black, today.AddDays(-10), today.AddMonths(11), "食品药品"),
            Entry("T-1", TaxBlackCode, TaxBlackName, ListKind.Black, today.AddDays(-5), today.AddYears(2), "税务", Severity.Serious),
            Entry("E-1", ExpiringCode, ExpiringName, ListKind.Black, today.AddYears(-1), today, "价格"),
            Entry("X-1", ExitedCode, ExitedName, ListKind.Black, today.AddDays(-20), today.AddMonths(6), "食品药品", status: EntryStatus.Exited),
            RoleModel("liyang-machinery", HonouredName, today.AddMonths(-1), HonouredCode),
            RoleModel("model-worker-2025", "2025年常州市诚信之星张某某", today.AddDays(-3)),
            Announcement("black-list-2025-05", "关于公布2025年5月失信惩戒对象名单的公告", today.AddDays(-7)),
            Announcement("red-list-2025-04", "关于公布2025年4月守信激励对象名单的公告", today.AddDays(-40)));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
