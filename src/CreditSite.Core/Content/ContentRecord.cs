using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

/// <summary>Typed, line-aware reading of one YAML mapping (a file's front matter, a task item, a key group).
/// Every problem is recorded with the file line it is on, and reading goes on so one start-up reports them all.
/// Keys that nobody read are reported by <see cref="ReportUnknownKeys"/>: a misspelt key (<c>cooperatng</c>)
/// would otherwise drop data silently.</summary>
public sealed class ContentRecord
{
    private readonly YamlMappingNode _mapping;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly int _lineOffset;

    public ContentRecord(YamlMappingNode mapping, string path, int firstLine, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        Path = path;
        Problems = problems;
        _lineOffset = firstLine - 1;
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Report(key, "键必须是简单的文字。");
                continue;
            }

            if (!_fields.TryAdd(name, (key, value)))
            {
                Report(key, $"键 “{name}” 出现了两次。");
            }
        }
    }

    public string Path { get; }

    public ICollection<ContentProblem> Problems { get; }

    /// <summary>The file line where this mapping starts.</summary>
    public int Line => LineOf(_mapping);

    public int LineOf(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _lineOffset + (int)Math.Max(node.Start.Line, 1);
    }

    public void Report(YamlNode node, string message) => Problems.Add(new ContentProblem(Path, LineOf(node), message));

    public void Report(string message) => Problems.Add(new ContentProblem(Path, Line, message));

    public bool Has(string key) => _fields.ContainsKey(key);

    /// <summary>The line of a key's value, or of this mapping when the key is absent.</summary>
    public int LineOfKey(string key) => _fields.TryGetValue(key, out var field) ? LineOf(field.Value) : Line;

    /// <summary>The raw value of a key, marked as read, or null when the key is absent: for shapes the typed readers
    /// below do not cover (a list of dates, each reported on its own line).</summary>
    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _fields.TryGetValue(key, out var field) ? field.Value : null;
    }

    public string? RequiredText(string key) => Text(key, required: true);

    public string? OptionalText(string key) => Text(key, required: false);

    public DateOnly? RequiredDate(string key) => Date(key, required: true);

    public DateOnly? OptionalDate(string key) => Date(key, required: false);

    private DateOnly? Date(string key, bool required)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(_fields[key].Value, $"“{key}” 应为 yyyy-MM-dd 格式的日期（例如 2019-04-16），实为 “{text}”。");
        return null;
    }

    public bool OptionalBool(string key)
    {
        var text = OptionalText(key);
        switch (text)
        {
            case null or "false":
                return false;
            case "true":
                return true;
            default:
                Report(_fields[key].Value, $"“{key}” 只能是 true 或 false，实为 “{text}”。");
                return false;
        }
    }

    public int? OptionalInt(string key, int min, int max) => Int(key, min, max, required: false);

    public int? RequiredInt(string key, int min, int max) => Int(key, min, max, required: true);

    /// <summary>A list of names. One plain value is accepted as a one-item list. With <paramref name="oneNamePerItem"/>,
    /// items that join several names with 、 or ， are rejected: the department filter matches whole items.</summary>
    public IReadOnlyList<string> TextList(string key, bool required, bool oneNamePerItem = false)
    {
        _read.Add(key);
        if (!_fields.TryGetValue(key, out var field) || IsNull(field.Value))
        {
            if (required)
            {
                Report($"缺少必填项 “{key}”（至少一项）。");
            }

            return [];
        }

        IEnumerable<YamlNode> items = field.Value switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode scalar => [scalar],
            _ => [],
        };
        if (field.Value is YamlMappingNode)
        {
            Report(field.Value, $"“{key}” 应为列表，例如 [市市场监督管理局, 市商务局]。");
            return [];
        }

        var values = new List<string>();
        var problemsBefore = Problems.Count;
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } raw } || string.IsNullOrWhiteSpace(raw))
            {
                Report(item, $"“{key}” 的每一项都应是非空的文字。");
                continue;
            }

            var value = raw.Trim();
            if (oneNamePerItem && value.IndexOfAny(['、', '，', ',', '；', ';']) >= 0)
            {
                Report(item, $"“{key}” 的每一项只写一个单位，“{value}” 里有多个，请拆成多项。");
                continue;
            }

            values.Add(value);
        }

        if (required && values.Count == 0 && Problems.Count == problemsBefore)
        {
            Report(field.Value, $"“{key}” 至少要有一项。");
        }

        return values;
    }

    /// <summary>A list of mappings (tasks, related documents), each read by its own record.</summary>
    public IReadOnlyList<ContentRecord> RecordList(string key)
    {
        _read.Add(key);
        if (!_fields.TryGetValue(key, out var field) || IsNull(field.Value))
        {
            return [];
        }

        if (field.Value is not YamlSequenceNode sequence)
        {
            Report(field.Value, $"“{key}” 应为列表（每项以 “- ” 开头）。");
            return [];
        }

        var records = new List<ContentRecord>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                records.Add(new ContentRecord(mapping, Path, _lineOffset + 1, Problems));
            }
            else
            {
                Report(item, $"“{key}” 的每一项都应是 “键: 值” 的形式。");
            }
        }

        return records;
    }

    /// <summary>Reports every key that was present but never read.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (name, field) in _fields)
        {
            if (!_read.Contains(name))
            {
                Report(field.Key, $"未知的键 “{name}”（拼写有误？可用的键见 docs/content-format.md）。");
            }
        }
    }

    private string? Text(string key, bool required)
    {
        _read.Add(key);
        if (!_fields.TryGetValue(key, out var field))
        {
            if (required)
            {
                Report($"缺少必填项 “{key}”。");
            }

            return null;
        }

        if (IsNull(field.Value))
        {
            if (required)
            {
                Report(field.Value, $"必填项 “{key}” 不能为空。");
            }

            return null;
        }

        if (field.Value is not YamlScalarNode { Value: { } value })
        {
            Report(field.Value, $"“{key}” 应为一段文字，不能是列表或嵌套结构。");
            return null;
        }

        value = value.Trim();
        if (value.Length == 0)
        {
            if (required)
            {
                Report(field.Value, $"必填项 “{key}” 不能为空。");
            }

            return null;
        }

        return value;
    }

    private int? Int(string key, int min, int max, bool required)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Report(_fields[key].Value, $"“{key}” 应为 {min} 到 {max} 之间的整数，实为 “{text}”。");
        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" } scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
}
