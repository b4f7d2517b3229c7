using System.Text;

namespace CreditSite.Web.Site.Hosting;

/// <summary>The settings a start outside Development and Testing requires, and what start-up refuses. One list, read by
/// start-up (<see cref="Enforce"/>), by docs/operations.md and by the test that checks compose.yaml passes each one
/// through from the environment.</summary>
public static class ProductionSettings
{
    /// <summary>A setting Production needs, the environment variable that sets it, and what it is for.</summary>
    public sealed record Requirement(string Key, string Purpose)
    {
        /// <summary>The environment variable name ASP.NET Core maps to <see cref="Key"/> (<c>:</c> becomes <c>__</c>).</summary>
        public string EnvironmentVariable => Key.Replace(":", "__", StringComparison.Ordinal);
    }

    /// <summary>Shortest accepted HMAC key for resident ID numbers, in UTF-8 bytes (the HMAC-SHA256 block half).</summary>
    public const int MinIdHashKeyBytes = 32;

    public static readonly IReadOnlyList<Requirement> Required =
    [
        new("Privacy:IdHashKey", "居民身份证号码的 HMAC 密钥（至少 32 字节的随机值，来自密钥管理）"),
        new("Authentication:Oidc:Authority", "实名身份认证平台（OpenID Connect）的签发者地址"),
        new("Site:PublicBaseUrl", "站点对外的 https 地址：二维码、核验地址、授权链接、订阅和站点地图都用它"),
        new("Site:IdentificationCode", "网站标识码（政府网站页脚与元数据必备，《政府网站发展指引》）"),
        new("Site:IcpFiling", "ICP备案号（页脚必备，链接工业和信息化部备案系统）"),
    ];

    /// <summary>Values that ship in this repository and must never protect real data.</summary>
    private static readonly string[] KnownDevelopmentKeys =
    [
        "development-only-id-hash-key-change-me",
        "testing-only-id-hash-key-not-a-secret",
        "compose-local-only-change-me",
    ];

    /// <summary>What is wrong with the configuration for a Production start, in Chinese, each naming the setting.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var requirement in Required)
        {
            if (string.IsNullOrWhiteSpace(configuration[requirement.Key]))
            {
                problems.Add($"缺少 {requirement.Key}（环境变量 {requirement.EnvironmentVariable}）：{requirement.Purpose}。");
            }
        }

        if (configuration["Privacy:IdHashKey"] is { Length: > 0 } key)
        {
            if (KnownDevelopmentKeys.Contains(key, StringComparer.Ordinal) || key.Contains("change-me", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Privacy:IdHashKey 是仓库中公开的开发用值（或含 change-me），不能保护真实数据：请用密钥管理生成新的随机密钥。");
            }
            else if (Encoding.UTF8.GetByteCount(key) < MinIdHashKeyBytes)
            {
                problems.Add($"Privacy:IdHashKey 过短：至少需要 {MinIdHashKeyBytes} 字节（例如 openssl rand -base64 48 的输出）。");
            }
        }

        if (configuration["Site:IdentificationCode"] is { Length: > 0 } siteCode && (siteCode.Contains("演示", StringComparison.Ordinal) || siteCode.Length != 10))
        {
            problems.Add("Site:IdentificationCode 须为真实的 10 位网站标识码（开发环境的演示占位值不能用于正式站点）。");
        }

        if (configuration["Site:IcpFiling"] is { Length: > 0 } icp && icp.Contains("演示", StringComparison.Ordinal))
        {
            problems.Add("Site:IcpFiling 是开发环境的演示占位值：请填写真实的 ICP 备案号。");
        }

        if (configuration["Site:PublicBaseUrl"] is { Length: > 0 } publicUrl
            && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.IsLoopback
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)))
        {
            problems.Add("Site:PublicBaseUrl 须为站点对外的 https 地址（不能是 localhost，不含查询串），例如 https://credit.changzhou.gov.cn。");
        }

        return problems;
    }

    /// <summary>Refuses a start outside Development and Testing while anything in <see cref="Problems"/> holds.</summary>
    public static void Enforce(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            return;
        }

        var problems = Problems(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{environment.EnvironmentName} 环境拒绝启动，请修正以下设置（见 docs/operations.md）：" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "- " + p)));
        }
    }
}
