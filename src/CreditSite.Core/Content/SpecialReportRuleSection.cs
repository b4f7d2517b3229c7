using CreditSite.Domain;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

/// <summary>The <c>special_report</c> section of <c>content/data/catalogue.yaml</c> (<see cref="SpecialReportRule"/>).</summary>
internal static class SpecialReportRuleSection
{
    public const string Key = "special_report";

    /// <summary>Reads the section; problems are added with the file's line, as for the rest of the catalogue.</summary>
    public static SpecialReportRule Parse(YamlMappingNode root, string path, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(problems);
        if (!root.Children.TryGetValue(new YamlScalarNode(Key), out var node))
        {
            return SpecialReportRule.Default;
        }

        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new ContentProblem(path, (int)node.Start.Line, "“special_report” 应为 “键: 值” 的形式（repaired、repaired_basis、not_held）。"));
            return SpecialReportRule.Default;
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
