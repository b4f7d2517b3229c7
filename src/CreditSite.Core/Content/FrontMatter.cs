using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

/// <summary>A Markdown file split into its YAML front matter and its body.</summary>
public sealed record FrontMatterDocument(YamlMappingNode Fields, int FirstYamlLine, string Body);

/// <summary>Splits <c>---</c> delimited YAML front matter from a Markdown body and parses it, keeping line numbers
/// so every problem can name the line of the file it is on.</summary>
public static class FrontMatter
{
    private const string DuplicateKeyPrefix = "Duplicate key ";

    /// <summary>Returns null and adds to <paramref name="problems"/> when the file has no well-formed front matter.</summary>
    public static FrontMatterDocument? Parse(string text, string path, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);

        var lines = SplitLines(text);
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(new ContentProblem(path, 1, "文件必须以一行 “---” 开头，后接 YAML 前言（front matter），再以一行 “---” 结束。"));
            return null;
        }

        var close = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is "---" or "...")
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            problems.Add(new ContentProblem(path, 1, "YAML 前言没有结束：找不到第二行 “---”。"));
            return null;
        }

        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]);
        var fields = ParseMapping(yaml, path, firstLine: 2, problems);
        return fields is null ? null : new FrontMatterDocument(fields, 2, body);
    }

    /// <summary>Parses a YAML document whose root must be a mapping (front matter).</summary>
    public static YamlMappingNode? ParseMapping(string yaml, string path, int firstLine, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var root = ParseRoot(yaml, path, firstLine, problems);
        switch (root)
        {
            case YamlMappingNode mapping:
                return mapping;
            case null when problems.Count > 0:
                return null;
            default:
                problems.Add(new ContentProblem(path, firstLine, "YAML 前言为空，或不是 “键: 值” 的形式。"));
                return null;
        }
    }

    /// <summary>Parses one YAML document and returns its root node (null when empty or broken; problems say which).</summary>
    public static YamlNode? ParseRoot(string yaml, string path, int firstLine, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // An unclosed bracket or quote is noticed only past the end; name the last line instead.
            var lastLine = firstLine + Math.Max(yaml.Split('\n').Length, 1) - 1;
            var line = Math.Min(firstLine + (int)Math.Max(ex.Start.Line, 1) - 1, lastLine);
            var message = Innermost(ex).Message;
            // YamlDotNet refuses a repeated key itself ("Duplicate key title"); say so in Chinese.
            problems.Add(new ContentProblem(path, line, message.StartsWith(DuplicateKeyPrefix, StringComparison.Ordinal)
                ? $"键 “{message[DuplicateKeyPrefix.Length..]}” 出现了两次。"
                : $"YAML 格式错误：{message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow collections;
            // the last event it parsed is the closest line we can name.
            var line = firstLine + (int)Math.Max(parser.Current?.End.Line ?? 1, 1) - 1;
            problems.Add(new ContentProblem(path, line, "YAML 格式错误：括号 [ ] 或 { } 没有闭合。"));
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static string[] SplitLines(string text)
    {
        // A BOM and Windows line ends come from ordinary editors; neither should matter.
        var normalised = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return normalised.Length == 0 ? [] : normalised.Split('\n');
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
