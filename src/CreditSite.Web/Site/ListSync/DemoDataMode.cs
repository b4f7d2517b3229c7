using CreditSite.Hosting;

namespace CreditSite.Web.Site.ListSync;

/// <summary>Whether this site holds the demonstration set (演示数据). Fabricated red/black entries carry names and codes
/// that look real, so they are on by default only in Development (and in the tests' Testing environment); anywhere else
/// start-up refuses them unless a second switch says the server is a demonstration, and then every page, API answer,
/// feed and badge says that the records are not real decisions.</summary>
public sealed class DemoDataMode
{
    /// <summary>The words shown wherever demo data is published.</summary>
    public const string Notice = "演示数据：本站的红黑名单等记录为演示用虚构数据，并非真实认定决定，不得作为信用判断依据。";

    private DemoDataMode(bool isOn) => IsOn = isOn;

    public bool IsOn { get; }

    /// <summary><see cref="Notice"/> when demo data is on, else null (API answers leave the member out).</summary>
    public string? NoticeOrNull => IsOn ? Notice : null;

    public static DemoDataMode Off { get; } = new(false);

    /// <summary>Decides from the settings and the environment; throws with a message naming the settings when demo data
    /// is asked for outside Development without the explicit allowance.</summary>
    public static DemoDataMode Decide(StorageOptions storage, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(environment);
        var development = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        var wanted = storage.SeedDemoData ?? development;
        if (wanted && !development && !storage.AllowDemoDataOutsideDevelopment)
        {
            throw new InvalidOperationException(
                $"Storage:SeedDemoData 为 true：演示数据（虚构的红黑名单）只能在 Development 环境加载，{environment.EnvironmentName} 环境拒绝启动。"
                + "正式站点请删除该设置；确为演示服务器时，再设置 Storage:AllowDemoDataOutsideDevelopment=true，届时每个页面、接口应答、订阅和徽章都会标注“演示数据”。");
        }

        return new DemoDataMode(wanted);
    }
}
