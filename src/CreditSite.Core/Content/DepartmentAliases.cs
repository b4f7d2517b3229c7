using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

/// <summary>The variant spellings the source document uses for one department (市中级法院 for 市中级人民法院, …),
/// read from <c>content/data/department-aliases.yaml</c>. Only the task view by department uses them; policy pages
/// keep every name as the document writes it.</summary>
public sealed class DepartmentAliases
{
    /// <summary>No file, no aliases: every spelling is its own department.</summary>
    public static readonly DepartmentAliases None = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _canonicalOf;
    private readonly Dictionary<string, IReadOnlyList<string>> _variantsOf;

    private DepartmentAliases(Dictionary<string, string> canonicalOf)
    {
        _canonicalOf = canonicalOf;
        _variantsOf = canonicalOf
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Key)], StringComparer.Ordinal);
    }

    /// <summary>Every alias, each with the line of the file it is on (for the check that each one is used).</summary>
    internal IReadOnlyList<(string Alias, int Line)> Lines { get; private init; } = [];

    /// <summary>The canonical name of <paramref name="name"/>: itself unless it is a listed variant.</summary>
    public string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _canonicalOf.TryGetValue(name, out var canonical) ? canonical : name;
    }

    /// <summary>The variants listed under a canonical name, in file order (empty for any other name).</summary>
    public IReadOnlyList<string> VariantsOf(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return _variantsOf.TryGetValue(canonical, out var variants) ? variants : [];
    }

    /// <summary>Reads the file's text: a mapping of canonical name to a list of variants. Problems (with the line they
    /// are on) go to <paramref name="problems"/>; what could be read is still returned.</summary>
    public static DepartmentAliases Parse(string yaml, string path, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var root = FrontMatter.ParseRoot(yaml, path, 1, problems);
        if (root is null)
        {
            // Blank or comments only: nothing to merge. A syntax error has been reported by ParseRoot.
            return None;
        }

        if (root is not YamlMappingNode mapping)
        {
            problems.Add(new ContentProblem(path, Line(root),
                "应为 “标准名称: [别名, …]” 的形式，每个部门一行，例如 “市中级人民法院: [市中级法院]”。"));
            return None;
        }

        var canonicalLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<(string Canonical, string Alias, int Line)>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } rawKey } || string.IsNullOrWhiteSpace(rawKey))
            {
                problems.Add(new ContentProblem(path, Line(key), "标准名称必须是一段非空的文字。"));
                continue;
            }

            var canonical = rawKey.Trim();
            if (!canonicalLines.TryAdd(canonical, Line(key)))
            {
                problems.Add(new ContentProblem(path, Line(key),
                    $"标准名称 “{canonical}” 出现了两次（第 {canonicalLines[canonical]} 行已有），请把别名合并到一处。"));
                continue;
            }

            foreach (var (alias, line) in ReadVariants(canonical, value, path, problems))
            {
                entries.Add((canonical, alias, line));
            }
        }

        var canonicalOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliasLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<(string, int)>();
        foreach (var (canonical, alias, line) in entries)
        {
            if (string.Equals(alias, canonical, StringComparison.Ordinal))
            {
                problems.Add(new ContentProblem(path, line, $"别名 “{alias}” 与它的标准名称相同，请删去这一项。"));
            }
            else if (canonicalLines.TryGetValue(alias, out var otherLine))
            {
                problems.Add(new ContentProblem(path, line,
                    $"别名 “{alias}” 本身是第 {otherLine} 行的标准名称：一个名称不能既是标准名称又是别名，请只保留一处。"));
            }
            else if (canonicalOf.TryGetValue(alias, out var first))
            {
                problems.Add(new ContentProblem(path, line, string.Equals(first, canonical, StringComparison.Ordinal)
                    ? $"别名 “{alias}” 在 “{canonical}” 下重复（第 {aliasLines[alias]} 行已有）。"
                    : $"别名 “{alias}” 已列在 “{first}” 下（第 {aliasLines[alias]} 行）：一个名称只能归入一个部门。"));
            }
            else
            {
                canonicalOf.Add(alias, canonical);
                aliasLines.Add(alias, line);
                lines.Add((alias, line));
            }
        }

        return problems.Count > before ? None : new DepartmentAliases(canonicalOf) { Lines = lines };
    }

    private static IEnumerable<(string Alias, int Line)> ReadVariants(string canonical, YamlNode value, string path, ICollection<ContentProblem> problems)
    {
        IReadOnlyList<YamlNode> items = value switch
        {
            YamlSequenceNode sequence => [.. sequence.Children],
            YamlScalarNode { Value: { Length: > 0 } text } when text is not ("~" or "null") => [value],
            _ => [],
        };
        if (value is YamlMappingNode)
        {
            problems.Add(new ContentProblem(path, Line(value), $"“{canonical}” 的别名应为列表，例如 [市中级法院]。"));
            yield break;
        }

        if (items.Count == 0)
        {
            problems.Add(new ContentProblem(path, Line(value), $"“{canonical}” 下至少要列出一个别名。"));
            yield break;
        }

        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } raw } || string.IsNullOrWhiteSpace(raw))
            {
                problems.Add(new ContentProblem(path, Line(item), $"“{canonical}” 的每个别名都应是非空的文字。"));
                continue;
            }

            var alias = raw.Trim();
            if (alias.IndexOfAny(['、', '，', ',', '；', ';']) >= 0)
            {
                problems.Add(new ContentProblem(path, Line(item), $"每个别名只写一个名称，“{alias}” 里有多个，请拆成多项。"));
                continue;
            }

            yield return (alias, Line(item));
        }
    }

    private static int Line(YamlNode node) => (int)Math.Max(node.Start.Line, 1);
}
