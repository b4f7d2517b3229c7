using System.ComponentModel;
using System.Globalization;
using CreditSite.Domain;
using CreditSite.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary><c>demo-data --count N --out F [--seed S]</c>: writes a deterministic demonstration set as import CSV.</summary>
public sealed class DemoDataCommand(CliConsole console) : AsyncCommand<DemoDataCommand.Settings>
{
    public const int MaxCount = DemoDataGenerator.MaxCount;

    /// <summary>Numbers are read as text and checked here, so that a mistake is explained in Chinese rather than in
    /// the parser's English conversion message.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--count <N>")]
        [Description("生成的条数（1 到 10000000）")]
        public string? Count { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("输出的 CSV 文件，可用 import 导入")]
        public string? Out { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("随机种子（默认 2019；同一种子、同一天结果相同）")]
        public string? Seed { get; init; }

        public int ParsedCount => int.Parse(Count!, NumberStyles.None, CultureInfo.InvariantCulture);

        public int ParsedSeed => Seed is null
            ? DemoDataGenerator.DefaultSeed
            : int.Parse(Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        public override ValidationResult Validate()
        {
            if (Count is null)
            {
                return ValidationResult.Error("缺少 --count <条数>。");
            }

            if (!int.TryParse(Count, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxCount)
            {
                return ValidationResult.Error($"--count 应为 1 到 {MaxCount} 之间的整数。");
            }

            if (Seed is not null && !int.TryParse(Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return ValidationResult.Error("--seed 应为整数。");
            }

            return Out is null ? ValidationResult.Error("缺少 --out <文件>（输出的 CSV 文件）。") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var count = settings.ParsedCount;
        var path = Path.GetFullPath(settings.Out!);
        var today = CreditCalendar.Today(TimeProvider.System);
        await CliProgress.RunAsync(["生成演示数据"], lines =>
        {
            lines[0].SetTotal(count);
            new DemoDataGenerator(settings.ParsedSeed).WriteCsv(path, count, today, lines[0]);
            return Task.FromResult(0);
        });

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已生成 {count} 条演示数据：{path}"));
        return ExitCodes.Ok;
    }
}
