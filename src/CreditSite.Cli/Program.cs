using System.Text;

namespace CreditSite.Cli;

/// <summary>creditsite: the command-line tool for import, re-index, demo data and platform API keys.
/// Exit codes: 0 success, 1 rejected input (the report is printed), 2 usage error, 3 failure while running.</summary>
public static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        if (args is ["api-key", ..])
        {
            // Subcommand style (api-key issue|revoke|list); parsed by the command itself.
            return await ApiKeyCommands.RunAsync(args[1..], Console.Out, Console.Error);
        }

        CliArguments arguments;
        try
        {
            arguments = CliArguments.Parse(args);
        }
        catch (CliUsageException e)
        {
            return Usage(e.Message);
        }

        try
        {
            return arguments.Command switch
            {
                "import" => await ImportCommand.RunAsync(arguments, cancellation.Token),
                "reindex" => await ReindexCommand.RunAsync(arguments, cancellation.Token),
                "demo-data" => await DemoDataCommand.RunAsync(arguments),
                "help" or "--help" or "-h" => Help(),
                _ => Usage($"未知的命令“{arguments.Command}”。"),
            };
        }
        catch (CliUsageException e)
        {
            return Usage(e.Message);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("已取消，未完成的导入没有写入任何数据。");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"运行出错：{e.Message}");
            return ExitCodes.Failed;
        }
    }

    public const string UsageText = """
        用法：creditsite <命令> [选项]

        命令：
          import --file <文件> [--replace]     导入红黑名单条目（UTF-8 CSV 或 JSON Lines）。
                                              全部行通过校验才写入；有任何问题则列出每一个问题，什么也不写。
                                              --replace  以文件替换全部条目：文件中没有的条目将被删除。
          reindex                             由存储中的名单条目和 content/ 重建搜索索引。
          demo-data --count <N> --out <文件>   生成 N 条演示数据（CSV，可用 import 导入）。
                                              --seed <数字>  随机种子（默认 2019；同一种子、同一天结果相同）。
          api-key issue --name <平台> [--quota <每分钟次数>] | revoke --id <编号> | list
                                              平台 API 密钥：签发（密钥只显示一次）、吊销、列出。
          help                                显示本帮助。

        配置与网站相同：src/CreditSite.Web/appsettings.json（及 appsettings.{环境}.json）和环境变量，
        例如 Storage__DataPath、Storage__ConnectionString、Privacy__IdHashKey、DOTNET_ENVIRONMENT。
        文件格式见 docs/import-format.md。

        退出码：0 成功；1 输入被拒绝（附问题报告）；2 用法错误；3 运行出错。
        """;

    private static int Help()
    {
        Console.Out.WriteLine(UsageText);
        return ExitCodes.Ok;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine();
        Console.Error.WriteLine(UsageText);
        return ExitCodes.Usage;
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;
    public const int Failed = 3;
}
