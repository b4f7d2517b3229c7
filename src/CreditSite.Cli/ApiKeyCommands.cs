using System.Globalization;
using CreditSite.Hosting;
using CreditSite.Platforms;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditSite.Cli;

/// <summary><c>creditsite api-key issue|revoke|list</c>: API keys for platforms. A key is shown once, when issued;
/// the store keeps only its SHA-256 hash. Exit codes as for every command: 0, 1 rejected (no such key), 2 usage, 3 failure.</summary>
public static class ApiKeyCommands
{
    public const string Usage = """
        用法:
          creditsite api-key issue --name <平台名称> [--quota <每分钟次数>]   签发密钥（只显示一次）
          creditsite api-key revoke --id <编号>                               吊销密钥
          creditsite api-key list                                             列出全部密钥（不含密钥本身）
        """;

    /// <summary>With the site's configuration (appsettings and environment, as <see cref="CliHost"/> reads it).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        CliHost host;
        try
        {
            host = CliHost.Create();
        }
        catch (CliUsageException e)
        {
            return UsageError(error, e.Message);
        }

        using (host)
        {
            return await RunAsync(args, host.Get<IOptions<StorageOptions>>().Value, host.SiteRoot, output, error);
        }
    }

    public static async Task<int> RunAsync(string[] args, StorageOptions storage, string siteRoot, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0)
        {
            return UsageError(error, "缺少子命令。");
        }

        if (!TryReadOptions(args.AsSpan(1), out var options, out var problem))
        {
            return UsageError(error, problem);
        }

        var store = new ApiKeyStore(new ApiKeyDbContextFactory(CreditStore.FromOptions(storage, siteRoot)), TimeProvider.System);
        try
        {
            return args[0] switch
            {
                "issue" => await IssueAsync(store, options, output, error),
                "revoke" => await RevokeAsync(store, options, output, error),
                "list" => await ListAsync(store, output),
                _ => UsageError(error, $"未知的子命令“{args[0]}”。"),
            };
        }
        catch (Exception failure) when (failure is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            error.WriteLine($"无法访问数据库：{failure.Message}");
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> IssueAsync(ApiKeyStore store, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name))
        {
            return UsageError(error, "请用 --name 给出平台名称。");
        }

        if (name.Trim().Length > 200)
        {
            return UsageError(error, "平台名称不能超过 200 个字符。");
        }

        var quota = ApiKeyStore.DefaultQuotaPerMinute;
        if (options.TryGetValue("quota", out var quotaText)
            && (!int.TryParse(quotaText, NumberStyles.None, CultureInfo.InvariantCulture, out quota) || quota < ApiKeyStore.MinQuota || quota > ApiKeyStore.MaxQuota))
        {
            return UsageError(error, $"--quota 应为 {ApiKeyStore.MinQuota} 到 {ApiKeyStore.MaxQuota} 之间的整数（每分钟请求次数）。");
        }

        var (key, secret) = await store.IssueAsync(name, quota);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已签发 API 密钥 #{key.Id}：{key.Name}，额度 {key.QuotaPerMinute} 次/分钟。"));
        output.WriteLine("密钥只显示这一次，请妥善交给平台（请求头 X-Api-Key）：");
        output.WriteLine(secret);
        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyStore store, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("id", out var idText) || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return UsageError(error, "请用 --id 给出要吊销的密钥编号（见 api-key list）。");
        }

        var key = await store.RevokeAsync(id);
        if (key is null)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"没有编号为 {id} 的 API 密钥。"));
            return ExitCodes.Rejected;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已吊销 API 密钥 #{key.Id}：{key.Name}。网站在 30 秒内停止接受该密钥。"));
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyStore store, TextWriter output)
    {
        var keys = await store.ListAsync();
        if (keys.Count == 0)
        {
            output.WriteLine("还没有签发任何 API 密钥。");
            return 0;
        }

        output.WriteLine("编号\t前缀\t额度/分钟\t签发时间\t状态\t名称");
        foreach (var key in keys)
        {
            var state = key.RevokedAt is { } revoked ? $"已吊销 {Time(revoked)}" : "有效";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key.Id}\t{key.Prefix}…\t{key.QuotaPerMinute}\t{Time(key.IssuedAt)}\t{state}\t{key.Name}"));
        }

        return 0;
    }

    private static string Time(DateTimeOffset value) =>
        value.ToOffset(Domain.CreditCalendar.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return ExitCodes.Usage;
    }

    /// <summary><c>--name value</c> pairs; every option takes a value.</summary>
    private static bool TryReadOptions(ReadOnlySpan<string> args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
            {
                problem = $"无法识别的参数“{arg}”。";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"参数 {arg} 缺少取值。";
                return false;
            }

            options[arg[2..]] = args[++i];
        }

        return true;
    }
}
