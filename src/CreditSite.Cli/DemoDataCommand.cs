using System.Globalization;
using CreditSite.Domain;
using CreditSite.Import;

namespace CreditSite.Cli;

/// <summary><c>demo-data --count N --out F [--seed S]</c>: writes a deterministic demonstration set as import CSV.</summary>
public static class DemoDataCommand
{
    public const int MaxCount = 10_000_000;

    public static async Task<int> RunAsync(CliArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.Allow("count", "out", "seed");
        var countText = arguments.Required("count", "<条数>");
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxCount)
        {
            throw new CliUsageException($"--count 应为 1 到 {MaxCount} 之间的整数。");
        }

        var seed = DemoDataGenerator.DefaultSeed;
        if (arguments.Value("seed") is { } seedText && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            throw new CliUsageException("--seed 应为整数。");
        }

        var path = Path.GetFullPath(arguments.Required("out", "<文件>（输出的 CSV 文件）"));
        var today = CreditCalendar.Today(TimeProvider.System);
        await CliProgress.RunAsync(["生成演示数据"], lines =>
        {
            lines[0].SetTotal(count);
            new DemoDataGenerator(seed).WriteCsv(path, count, today, lines[0]);
            return Task.FromResult(0);
        });

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已生成 {count} 条演示数据：{path}"));
        return ExitCodes.Ok;
    }
}
