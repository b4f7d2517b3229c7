using System.Data.Common;
using System.Globalization;
using CreditSite.Content;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary>The commands, parsed by Spectre.Console.Cli and created from the one host of <see cref="CliServices"/>.
/// Exit codes: 0 success, 1 rejected input (the report is printed), 2 usage error, 3 failure while running.</summary>
public static class CreditSiteCli
{
    public const string UsageText = """
        用法：creditsite <命令> [选项]

        命令：
          import [--kind <种类>] --file <文件> [--replace]
                                              导入 UTF-8 CSV 或 JSON Lines 文件。
                                              全部行通过校验才写入；有任何问题则列出每一个问题，什么也不写。
                                              --kind     文件中是什么：list（红黑名单条目，默认）、licence（行政许可）、
                                                         penalty（行政处罚）、commitment（信用承诺）、
                                                         subject（基础信息，仅法人和其他组织）。
                                              --replace  以文件替换这一种的全部数据：文件中没有的将被删除。
          reindex                             由存储中的名单条目、各类记录和 content/ 重建搜索索引。
          demo-data --count <N> --out <文件>   生成 N 条演示数据（CSV，可用 import 导入）。
                                              --seed <数字>  随机种子（默认 2019；同一种子、同一天结果相同）。
                                              --kind licence|penalty|commitment|subject --subjects <N>  基准测试用的十年记录。
          api-key issue --name <平台> [--quota <每分钟次数>] | revoke --id <编号> | list
                                              平台 API 密钥：签发（密钥只显示一次）、吊销、列出。

        每个命令都可加 --help 查看其选项，例如 creditsite import --help。
        配置与网站相同：src/CreditSite.Web/appsettings.json（及 appsettings.{环境}.json）和环境变量，
        例如 Storage__DataPath、Storage__ConnectionString、Privacy__IdHashKey、DOTNET_ENVIRONMENT。
        文件格式见 docs/import-format.md。

        退出码：0 成功；1 输入被拒绝（附问题报告）；2 用法错误；3 运行出错。
        """;

    /// <param name="settings">Configuration laid over the site's (tests point the store at their own database).</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, CliConsole console, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (CommandLineErrors.BeforeParsing(args) is { } early)
        {
            return Usage(console, early);
        }

        try
        {
            var app = new CommandApp(new TypeRegistrar(CliServices.CreateBuilder(console, settings)));
            app.Configure(config =>
            {
                config.SetApplicationName("creditsite");
                // Strict parsing is not used: on a failure it retries with a made-up default command slotted in,
                // which turned "--file" at the end of a line into "--file __default_command". Relaxed parsing
                // collects unknown options instead, and RefuseUnknownOptions turns them into a usage error.
                config.SetInterceptor(new RefuseUnknownOptions());
                config.SetApplicationCulture(CultureInfo.GetCultureInfo("zh-Hans"));
                config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(console.Out),
                    Ansi = AnsiSupport.Detect,
                }));
                config.SetExceptionHandler((exception, _) => Failure(console, exception));

                config.AddCommand<ImportCommand>("import")
                    .WithDescription("导入红黑名单条目、行政许可、行政处罚、信用承诺或基础信息（--kind）：全部行通过校验才写入（一个事务），" +
                        "有任何问题则逐行列出（行、列和原因），什么也不写。")
                    .WithExample("import", "--file", "docs/examples/list-entries.csv")
                    .WithExample("import", "--kind", "penalty", "--file", "docs/examples/penalties.csv")
                    .WithExample("import", "--kind", "subject", "--file", "docs/examples/subjects.jsonl", "--replace");
                config.AddCommand<ReindexCommand>("reindex")
                    .WithDescription("由存储中的名单条目、各类记录和 content/ 重建搜索索引，建好后原子切换。");
                config.AddCommand<DemoDataCommand>("demo-data")
                    .WithDescription("生成演示数据（CSV，可用 import 导入）。")
                    .WithExample("demo-data", "--count", "10000", "--out", "demo.csv");
                config.AddBranch("api-key", branch =>
                {
                    branch.SetDescription("平台 API 密钥：签发（密钥只显示一次）、吊销、列出。");
                    branch.AddCommand<ApiKeyCommands.Issue>("issue").WithDescription("签发密钥（只显示一次）。");
                    branch.AddCommand<ApiKeyCommands.Revoke>("revoke").WithDescription("吊销密钥。");
                    branch.AddCommand<ApiKeyCommands.List>("list").WithDescription("列出全部密钥（不含密钥本身）。");
                });
            });

            return await app.RunAsync(args, cancellationToken);
        }
        catch (CliUsageException e)
        {
            return Usage(console, e.Message);
        }
    }

    /// <summary>Every failure of parsing or running, as one exit code and one Chinese message.</summary>
    private static int Failure(CliConsole console, Exception exception)
    {
        if (CommandLineErrors.Translate(exception) is { } usage)
        {
            return Usage(console, usage);
        }

        var cause = Innermost(exception);
        switch (cause)
        {
            case CliUsageException e:
                return Usage(console, e.Message);
            case ContentException e:
                // Like the site, which does not start: every problem with its file and line.
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"内容文件有 {e.Problems.Count} 处错误，命令未执行（修正后重新运行）："));
                foreach (var problem in e.Problems)
                {
                    console.Error.WriteLine("  " + problem);
                }

                return ExitCodes.Failed;
            case OptionsValidationException e:
                return Usage(console, "配置有误：" + string.Join("；", e.Failures) +
                    "（Privacy:IdHashKey 须与网站相同；开发时可设 DOTNET_ENVIRONMENT=Development）。");
            case OperationCanceledException:
                console.Error.WriteLine("已取消，未完成的导入没有写入任何数据。");
                return ExitCodes.Failed;
            case DbException e:
                console.Error.WriteLine($"无法访问数据库：{e.Message}");
                return ExitCodes.Failed;
            default:
                console.Error.WriteLine($"运行出错：{cause.Message}");
                return ExitCodes.Failed;
        }
    }

    /// <summary>Spectre wraps what a command's constructor throws ("could not resolve type"); the cause is inside.</summary>
    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current is CommandAppException or System.Reflection.TargetInvocationException && current.InnerException is { } inner)
        {
            current = inner;
        }

        return current is AggregateException { InnerExceptions: [var only] } ? only : current;
    }

    /// <summary>A typo in an option name must not be ignored silently.</summary>
    private sealed class RefuseUnknownOptions : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.Remaining.Parsed.FirstOrDefault() is { } unknown)
            {
                throw new CliUsageException($"命令 {context.Name} 不支持选项 {unknown.Key}。");
            }

            if (context.Remaining.Raw is [var extra, ..])
            {
                throw new CliUsageException($"无法识别的参数“{extra}”。");
            }
        }
    }

    private static int Usage(CliConsole console, string problem)
    {
        console.Error.WriteLine(problem);
        console.Error.WriteLine();
        console.Error.WriteLine(UsageText);
        return ExitCodes.Usage;
    }
}
