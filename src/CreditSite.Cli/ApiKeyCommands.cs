using System.ComponentModel;
using System.Globalization;
using CreditSite.Platforms;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary><c>creditsite api-key issue|revoke|list</c>: API keys for platforms. A key is shown once, when issued;
/// the store keeps only its SHA-256 hash. Numbers are read as text and checked here, so that a mistake is explained
/// in Chinese rather than in the parser's English conversion message.</summary>
public static class ApiKeyCommands
{
    public sealed class IssueSettings : CommandSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("平台名称（不超过 200 个字符）")]
        public string? Name { get; init; }

        [CommandOption("--quota <PER_MINUTE>")]
        [Description("每分钟请求次数（默认 600）")]
        public string? Quota { get; init; }

        public int ParsedQuota => Quota is null
            ? ApiKeyStore.DefaultQuotaPerMinute
            : int.Parse(Quota, NumberStyles.None, CultureInfo.InvariantCulture);

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                return ValidationResult.Error("请用 --name 给出平台名称。");
            }

            if (Name.Trim().Length > 200)
            {
                return ValidationResult.Error("平台名称不能超过 200 个字符。");
            }

            return Quota is not null
                && (!int.TryParse(Quota, NumberStyles.None, CultureInfo.InvariantCulture, out var quota) || quota < ApiKeyStore.MinQuota || quota > ApiKeyStore.MaxQuota)
                ? ValidationResult.Error($"--quota 应为 {ApiKeyStore.MinQuota} 到 {ApiKeyStore.MaxQuota} 之间的整数（每分钟请求次数）。")
                : ValidationResult.Success();
        }
    }

    public sealed class RevokeSettings : CommandSettings
    {
        [CommandOption("--id <ID>")]
        [Description("要吊销的密钥编号（见 api-key list）")]
        public string? Id { get; init; }

        public int ParsedId => int.Parse(Id!, NumberStyles.None, CultureInfo.InvariantCulture);

        public override ValidationResult Validate() =>
            Id is null || !int.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? ValidationResult.Error("请用 --id 给出要吊销的密钥编号（见 api-key list）。")
                : ValidationResult.Success();
    }

    public sealed class ListSettings : CommandSettings;

    public sealed class Issue(ApiKeyStore store, CliConsole console) : AsyncCommand<IssueSettings>
    {
        public override async Task<int> ExecuteAsync(CommandContext context, IssueSettings settings, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(settings);
            var (key, secret) = await store.IssueAsync(settings.Name!, settings.ParsedQuota, cancellationToken);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已签发 API 密钥 #{key.Id}：{key.Name}，额度 {key.QuotaPerMinute} 次/分钟。"));
            console.Out.WriteLine("密钥只显示这一次，请妥善交给平台（请求头 X-Api-Key）：");
            console.Out.WriteLine(secret);
            return ExitCodes.Ok;
        }
    }

    public sealed class Revoke(ApiKeyStore store, CliConsole console) : AsyncCommand<RevokeSettings>
    {
        public override async Task<int> ExecuteAsync(CommandContext context, RevokeSettings settings, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(settings);
            var id = settings.ParsedId;
            var key = await store.RevokeAsync(id, cancellationToken);
            if (key is null)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"没有编号为 {id} 的 API 密钥。"));
                return ExitCodes.Rejected;
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已吊销 API 密钥 #{key.Id}：{key.Name}。网站在 30 秒内停止接受该密钥。"));
            return ExitCodes.Ok;
        }
    }

    public sealed class List(ApiKeyStore store, CliConsole console) : AsyncCommand<ListSettings>
    {
        public override async Task<int> ExecuteAsync(CommandContext context, ListSettings settings, CancellationToken cancellationToken)
        {
            var keys = await store.ListAsync(cancellationToken);
            if (keys.Count == 0)
            {
                console.Out.WriteLine("还没有签发任何 API 密钥。");
                return ExitCodes.Ok;
            }

            console.Out.WriteLine("编号\t前缀\t额度/分钟\t签发时间\t状态\t名称");
            foreach (var key in keys)
            {
                var state = key.RevokedAt is { } revoked ? $"已吊销 {Time(revoked)}" : "有效";
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key.Id}\t{key.Prefix}…\t{key.QuotaPerMinute}\t{Time(key.IssuedAt)}\t{state}\t{key.Name}"));
            }

            return ExitCodes.Ok;
        }

        private static string Time(DateTimeOffset value) =>
            value.ToOffset(Domain.CreditCalendar.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
