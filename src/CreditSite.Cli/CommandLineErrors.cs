using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace CreditSite.Cli;

/// <summary>The command line's mistakes in Chinese. Spectre.Console.Cli localises its help (zh-Hans) but not its parse
/// errors, which carry only an English message; the few it raises for this tool's shape are matched here, and
/// anything unforeseen still comes out as a usage error with the original text.</summary>
internal static partial class CommandLineErrors
{
    /// <summary>What the parser would not refuse, or not in words a user can act on: nothing to run, a branch with
    /// no subcommand (it would print help and exit 1), and an option given twice (the parser keeps the last one).</summary>
    public static string? BeforeParsing(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return "缺少命令。";
        }

        if (args is ["api-key"])
        {
            return "缺少子命令：issue、revoke 或 list。";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2))
        {
            var name = arg.Split('=', 2)[0];
            if (!seen.Add(name))
            {
                return $"选项 {name} 出现了不止一次。";
            }
        }

        return null;
    }

    /// <summary>A parse or validation failure as a usage message; null for a failure while running.</summary>
    public static string? Translate(Exception exception)
    {
        if (exception is not CommandRuntimeException { InnerException: null } problem)
        {
            return null;
        }

        var message = problem.Message;
        return message switch
        {
            _ when UnknownCommand().Match(message) is { Success: true } m => $"未知的命令“{m.Groups[1].Value}”。",
            _ when UnknownOption().Match(message) is { Success: true } m => $"此命令不支持选项 {Option(m.Groups[1].Value)}。",
            _ when NoValue().Match(message) is { Success: true } m => $"选项 {Option(m.Groups[1].Value)} 缺少值。",
            _ when UnexpectedOption().Match(message) is { Success: true } m => $"选项 {Option(m.Groups[1].Value)} 应写在命令之后。",
            _ when NoMatch().Match(message) is { Success: true } m => $"无法识别的参数“{m.Groups[1].Value}”（选项须写成 --名称 值）。",
            "Expected an option value." => "选项缺少值。",
            "Flags cannot be assigned a value." => "开关选项（如 --replace）不能带值。",
            "Invalid long option name." or "Option does not have a name." or "Short option does not have a valid name." => "选项名称无效（须写成 --名称）。",
            // A settings class's own Validate() speaks Chinese already.
            _ when message.Any(c => c >= '\u4e00') => message,
            _ => $"命令行有误：{message}",
        };
    }

    private static string Option(string name) => name.StartsWith('-') ? name : (name.Length == 1 ? "-" : "--") + name;

    [GeneratedRegex("^Unknown command '(.+)'\\.$")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex("^Unknown option '(.+)'\\.$")]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Option '(.+)' is defined but no value has been provided\\.$")]
    private static partial Regex NoValue();

    [GeneratedRegex("^Unexpected option '(.+)'\\.$")]
    private static partial Regex UnexpectedOption();

    [GeneratedRegex("^Could not match '(.+)' with an argument\\.$")]
    private static partial Regex NoMatch();
}
