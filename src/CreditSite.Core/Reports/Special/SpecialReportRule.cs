using CreditSite.Content;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Reports.Special;

/// <summary>How special credit reports treat repaired records, and which kinds of record the platform does not hold:
/// the <c>special_report</c> section of <c>content/data/catalogue.yaml</c>, so the credit office changes it there.</summary>
public sealed record SpecialReportRule(bool ListRepaired, string RepairBasis, IReadOnlyList<string> NotHeld)
{
    public const string Key = "special_report";

    /// <summary>Used when the catalogue has no section (older files, test catalogues): leave repaired records out, and
    /// name administrative compulsion as not held.</summary>
    public static readonly SpecialReportRule Default = new(
        false,
        "国家发展改革委令第36号《信用修复管理办法》：信用修复完成后，相关失信信息停止公示",
        ["行政强制：本平台尚未归集行政强制信息，请向作出行政强制决定的部门查询"]);

    /// <summary>The sentence the report prints about repaired records.</summary>
    public string RepairSentence => ListRepaired
        ? $"已完成信用修复的记录列入报告并标明“已修复”（依据：{RepairBasis}）。"
        : $"已完成信用修复的记录不列入本报告（依据：{RepairBasis}）。";

    /// <summary>Reads the section; problems are added with the file's line, as for the rest of the catalogue.</summary>
    public static SpecialReportRule Parse(YamlMappingNode root, string path, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(problems);
        if (!root.Children.TryGetValue(new YamlScalarNode(Key), out var node))
        {
            return Default;
        }

        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new ContentProblem(path, (int)node.Start.Line, "“special_report” 应为 “键: 值” 的形式（repaired、repaired_basis、not_held）。"));
            return Default;
        }

        var repaired = Scalar(mapping, "repaired");
        if (repaired is not ("omitted" or "listed"))
        {
            problems.Add(new ContentProblem(path, (int)mapping.Start.Line, "“special_report.repaired” 应为 omitted（不列入报告）或 listed（列出并标明已修复）。"));
        }

        var basis = Scalar(mapping, "repaired_basis");
        if (string.IsNullOrWhiteSpace(basis))
        {
            problems.Add(new ContentProblem(path, (int)mapping.Start.Line, "“special_report.repaired_basis” 应写明已修复记录处理规则的依据。"));
        }

        var notHeld = mapping.Children.TryGetValue(new YamlScalarNode("not_held"), out var list) && list is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim()).OfType<string>().Where(s => s.Length > 0).ToList()
            : [];
        return new SpecialReportRule(repaired == "listed", basis?.Trim() ?? string.Empty, notHeld);
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
