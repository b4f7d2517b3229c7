using System.ComponentModel;
using System.Globalization;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary><c>demo-data --count N --out F [--seed S] [--kind K --subjects P]</c>: writes a deterministic demonstration
/// set as import CSV — list entries (the default), or for a benchmark licences, penalties or commitments over ten years
/// about the first P demonstration subjects (those of a list set of P / 0.6 entries), or the registry records of the
/// organisations among them.</summary>
public sealed class DemoDataCommand(CliConsole console, SiteFolders folders) : AsyncCommand<DemoDataCommand.Settings>
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

        [CommandOption("--kind <KIND>")]
        [Description("生成什么：list（红黑名单条目，默认）、licence（行政许可）、penalty（行政处罚）、commitment（信用承诺）、" +
            "subject（基础信息：--subjects 个主体中每个法人和其他组织一条，不需 --count）")]
        public string? Kind { get; init; }

        [CommandOption("--subjects <N>")]
        [Description("记录涉及的主体数：演示主体中的前 N 个（默认为 --count 的 60%，与同样条数的名单相同）")]
        public string? Subjects { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("随机种子（默认 2019；同一种子、同一天结果相同）")]
        public string? Seed { get; init; }

        public int ParsedCount => Count is null ? 0 : int.Parse(Count, NumberStyles.None, CultureInfo.InvariantCulture);

        public ImportKind ParsedKind => ImportKindText.TryParse(Kind ?? "list", out var kind) ? kind : ImportKind.List;

        /// <summary>The pool of subjects records are about.</summary>
        public int ParsedSubjects => Subjects is null
            ? DemoCityRecords.PoolOf(ParsedCount)
            : int.Parse(Subjects, NumberStyles.None, CultureInfo.InvariantCulture);

        public int ParsedSeed => Seed is null
            ? DemoDataGenerator.DefaultSeed
            : int.Parse(Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        public override ValidationResult Validate()
        {
            if (Kind is not null && !ImportKindText.TryParse(Kind, out _))
            {
                return ValidationResult.Error($"未知的种类“{Kind}”，--kind 应为 {ImportKindText.Choices()}。");
            }

            if (Count is null && (ParsedKind != ImportKind.Subject || Subjects is null))
            {
                return ValidationResult.Error("缺少 --count <条数>。");
            }

            if (Count is not null && (!int.TryParse(Count, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxCount))
            {
                return ValidationResult.Error($"--count 应为 1 到 {MaxCount} 之间的整数。");
            }

            if (Subjects is not null && (!int.TryParse(Subjects, NumberStyles.None, CultureInfo.InvariantCulture, out var subjects) || subjects is < 1 or > MaxCount))
            {
                return ValidationResult.Error($"--subjects 应为 1 到 {MaxCount} 之间的整数。");
            }

            if (Subjects is not null && ParsedKind == ImportKind.List)
            {
                return ValidationResult.Error("--subjects 只用于 licence、penalty、commitment、subject（名单条目的主体数由 --count 决定）。");
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
        var kind = settings.ParsedKind;
        var path = Path.GetFullPath(settings.Out!);
        var today = CreditCalendar.Today(TimeProvider.System);
        long written = count;
        await CliProgress.RunAsync(["生成演示数据"], lines =>
        {
            if (kind == ImportKind.List)
            {
                lines[0].SetTotal(count);
                new DemoDataGenerator(settings.ParsedSeed).WriteCsv(path, count, today, lines[0]);
                return Task.FromResult(0);
            }

            // The catalogue decides categories and periods, as for the site's own demonstration records.
            var catalogue = CatalogueFile.Load(CliServices.ContentPath(folders.Root, folders.Configuration));
            var pool = settings.ParsedSubjects;
            lines[0].SetTotal(kind == ImportKind.Subject ? pool : count);
            written = new DemoCityRecords(catalogue, settings.ParsedSeed).WriteCsv(path, kind.RecordKindOf(), count, pool, today, lines[0]);
            return Task.FromResult(0);
        });

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已生成 {written} 条演示数据（{kind.Label()}）：{path}"));
        return ExitCodes.Ok;
    }
}
