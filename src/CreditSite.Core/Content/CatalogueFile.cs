using System.Text.RegularExpressions;
using CreditSite.Domain;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

/// <summary>Reads <c>content/data/catalogue.yaml</c> into a <see cref="CreditCatalogue"/>, reporting each problem with
/// its line. The site and the CLI refuse to start on any problem: a record kind without a rule, or a list with a
/// repeated value, would change what is published.</summary>
public static partial class CatalogueFile
{
    public const string RelativePath = "data/catalogue.yaml";

    /// <summary>Loads the catalogue under <paramref name="contentRoot"/> (the <c>content</c> folder).</summary>
    /// <exception cref="ContentException">The file is missing or has problems; all are listed.</exception>
    public static CreditCatalogue Load(string contentRoot)
    {
        var path = Path.Combine(contentRoot, RelativePath);
        var display = "content/" + RelativePath;
        if (!File.Exists(path))
        {
            throw new ContentException([new ContentProblem(display, 1, "找不到公共信用信息目录文件；站点需要它才能校验和公示记录。")]);
        }

        var problems = new List<ContentProblem>();
        var catalogue = Parse(File.ReadAllText(path), display, problems);
        return problems.Count > 0 || catalogue is null ? throw new ContentException(problems) : catalogue;
    }

    /// <summary>Null when the file has problems (each added to <paramref name="problems"/>).</summary>
    public static CreditCatalogue? Parse(string yaml, string path, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var root = FrontMatter.ParseRoot(yaml, path, 1, problems);
        if (root is not YamlMappingNode mapping)
        {
            if (problems.Count == before)
            {
                problems.Add(new ContentProblem(path, root is null ? 1 : Line(root), "目录文件应为 “键: 值” 的形式（fields、penalty_types、rules 等）。"));
            }

            return null;
        }

        var reader = new Reader(path, problems);
        var fields = reader.List(mapping, "fields", "领域");
        var penaltyTypes = reader.List(mapping, "penalty_types", "处罚类别");
        var licenceCategories = reader.List(mapping, "licence_categories", "许可类别");
        var commitmentTypes = reader.List(mapping, "commitment_types", "承诺类型");
        var registryStatuses = reader.List(mapping, "registry_statuses", "登记状态");
        var rules = reader.Rules(mapping);
        reader.RefuseUnknownKeys(mapping, ["fields", "penalty_types", "licence_categories", "commitment_types", "registry_statuses", "rules", SpecialReportRuleSection.Key]);
        var specialReport = SpecialReportRuleSection.Parse(mapping, path, problems);

        return problems.Count > before ? null : new CreditCatalogue
        {
            Fields = fields,
            PenaltyTypes = penaltyTypes,
            LicenceCategories = licenceCategories,
            CommitmentTypes = commitmentTypes,
            RegistryStatuses = registryStatuses,
            Rules = rules,
            SpecialReport = specialReport,
        };
    }

    private static int Line(YamlNode node) => (int)Math.Max(node.Start.Line, 1);

    [GeneratedRegex(@"^(\d{1,3})([my])$")]
    private static partial Regex PeriodPattern();

    private sealed class Reader(string path, ICollection<ContentProblem> problems)
    {
        private static readonly string[] RuleKeys = ["label", "basis", "by_severity", "range", "publish_simplified_procedure"];

        public void Add(YamlNode node, string message) => problems.Add(new ContentProblem(path, Line(node), message));

        public List<string> List(YamlMappingNode mapping, string key, string what)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                problems.Add(new ContentProblem(path, Line(mapping), $"缺少 “{key}”（{what}的列表）。"));
                return [];
            }

            if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
            {
                Add(node, $"“{key}”（{what}）应为至少一项的列表，例如 [甲, 乙]。");
                return [];
            }

            var values = new List<string>();
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in sequence.Children)
            {
                if (item is not YamlScalarNode { Value: { } raw } || string.IsNullOrWhiteSpace(raw))
                {
                    Add(item, $"{what}的每一项都应是非空的文字。");
                    continue;
                }

                var value = raw.Trim();
                if (value.IndexOfAny(['、', '，', ',', '；', ';']) >= 0)
                {
                    Add(item, $"每一项只写一个{what}，“{value}” 里有多个，请拆成多项。");
                }
                else if (!lines.TryAdd(value, Line(item)))
                {
                    Add(item, $"{what} “{value}” 重复（第 {lines[value]} 行已有）。");
                }
                else
                {
                    values.Add(value);
                }
            }

            return values;
        }

        public Dictionary<string, PublicationRule> Rules(YamlMappingNode mapping)
        {
            var rules = new Dictionary<string, PublicationRule>(StringComparer.Ordinal);
            if (!mapping.Children.TryGetValue(new YamlScalarNode("rules"), out var node) || node is not YamlMappingNode byKind)
            {
                Add(node ?? mapping, "缺少 “rules”（每种记录的公示规则）。");
                return rules;
            }

            foreach (var (keyNode, value) in byKind.Children)
            {
                var kind = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!CreditCatalogue.RuleKinds.Contains(kind, StringComparer.Ordinal))
                {
                    Add(keyNode, $"未知的记录种类 “{kind}”，应为 {string.Join("、", CreditCatalogue.RuleKinds)} 之一。");
                    continue;
                }

                if (value is not YamlMappingNode rule)
                {
                    Add(value, $"“{kind}” 的公示规则应为 “键: 值” 的形式（label、basis 等）。");
                    continue;
                }

                RefuseUnknownKeys(rule, RuleKeys);
                var label = Text(rule, "label", kind);
                var basis = Text(rule, "basis", kind);
                var bySeverity = new Dictionary<Severity, PublicationRange>();
                if (rule.Children.TryGetValue(new YamlScalarNode("by_severity"), out var severities))
                {
                    if (severities is YamlMappingNode severityMap)
                    {
                        foreach (var (severityKey, rangeNode) in severityMap.Children)
                        {
                            var code = (severityKey as YamlScalarNode)?.Value;
                            if (!DomainText.TryParseSeverity(code, out var severity))
                            {
                                Add(severityKey, $"未知的失信程度 “{code}”，应为 minor、general 或 serious。");
                            }
                            else if (Range(rangeNode) is { } range)
                            {
                                bySeverity[severity] = range;
                            }
                        }
                    }
                    else
                    {
                        Add(severities, "“by_severity” 应按 minor、general、serious 分别写出期限。");
                    }

                    if (severities is YamlMappingNode)
                    {
                        foreach (var missing in Enum.GetValues<Severity>().Where(s => !bySeverity.ContainsKey(s)))
                        {
                            Add(severities, $"“{kind}” 缺少 {missing.Code()}（{missing.Label()}）的公示期限。");
                        }
                    }
                }

                PublicationRange? single = null;
                if (rule.Children.TryGetValue(new YamlScalarNode("range"), out var rangeValue))
                {
                    single = Range(rangeValue);
                }

                var publishSimplified = true;
                if (rule.Children.TryGetValue(new YamlScalarNode("publish_simplified_procedure"), out var flag))
                {
                    var text = (flag as YamlScalarNode)?.Value;
                    if (text is not ("true" or "false"))
                    {
                        Add(flag, "“publish_simplified_procedure” 应为 true 或 false。");
                    }

                    publishSimplified = text != "false";
                }

                rules[kind] = new PublicationRule
                {
                    Kind = kind,
                    Label = label,
                    Basis = basis,
                    BySeverity = bySeverity,
                    Range = single,
                    PublishSimplifiedProcedure = publishSimplified,
                };
            }

            foreach (var missing in CreditCatalogue.RuleKinds.Where(k => !rules.ContainsKey(k)))
            {
                if (!problems.Any(p => p.Message.Contains($"“{missing}”", StringComparison.Ordinal)))
                {
                    Add(byKind, $"缺少 “{missing}” 的公示规则。");
                }
            }

            return rules;
        }

        public void RefuseUnknownKeys(YamlMappingNode mapping, IReadOnlyCollection<string> known)
        {
            foreach (var key in mapping.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!known.Contains(name))
                {
                    Add(key, $"未知的键 “{name}”，可用的键：{string.Join("、", known)}。");
                }
            }
        }

        private string Text(YamlMappingNode rule, string key, string kind)
        {
            if (rule.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }

            Add(rule, $"“{kind}” 缺少 “{key}”（{(key == "label" ? "中文名称" : "所依据的文件")}）。");
            return string.Empty;
        }

        private PublicationRange? Range(YamlNode node)
        {
            if (node is not YamlMappingNode range)
            {
                Add(node, "期限应写作 {min: 3m, max: 1y} 的形式（m 为月，y 为年）。");
                return null;
            }

            RefuseUnknownKeys(range, ["min", "max"]);
            var min = Months(range, "min", required: true);
            var max = Months(range, "max", required: false);
            if (min is null)
            {
                return null;
            }

            if (max is { } m && m < min)
            {
                Add(range, $"最长期限（{PublicationRange.MonthsText(m)}）短于最短期限（{PublicationRange.MonthsText(min.Value)}）。");
                return null;
            }

            return new PublicationRange(min.Value, max);
        }

        private int? Months(YamlMappingNode range, string key, bool required)
        {
            if (!range.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                if (required)
                {
                    Add(range, $"缺少 “{key}”，例如 {key}: 3m。");
                }

                return null;
            }

            var text = (node as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            var match = PeriodPattern().Match(text);
            if (!match.Success)
            {
                Add(node, $"“{text}” 不是期限，应写作数字加 m（月）或 y（年），例如 3m、1y。");
                return null;
            }

            var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return match.Groups[2].Value == "y" ? number * 12 : number;
        }
    }
}
