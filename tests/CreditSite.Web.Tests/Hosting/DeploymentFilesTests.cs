using System.Text.RegularExpressions;
using CreditSite.Web.Site.Hosting;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Web.Tests.Hosting;

/// <summary>compose.yaml and the Dockerfile agree with the Production start-up rules: every setting Production requires
/// reaches the site service from the environment, and compose stops with a message when it is missing.</summary>
public sealed partial class DeploymentFilesTests
{
    public static TheoryData<string> RequiredSettings => [.. ProductionSettings.Required.Select(r => r.Key)];

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public void ComposePassesEachRequiredProductionSettingFromTheEnvironmentOrStops(string key)
    {
        var variable = ProductionSettings.Required.Single(r => r.Key == key).EnvironmentVariable;

        var environment = SiteServiceEnvironment();

        Assert.True(environment.TryGetValue(variable, out var value), $"compose.yaml: the site service does not set {variable} ({key}).");
        Assert.Matches(RequiredInterpolation(), value);
    }

    [Fact]
    public void TheImageRunsProductionSoTheRulesApply()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot(), "Dockerfile"));

        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", dockerfile, StringComparison.Ordinal);
        Assert.Contains("fonts-babelstone-han", dockerfile, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> SiteServiceEnvironment()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot(), "compose.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var site = (YamlMappingNode)((YamlMappingNode)root["services"])["site"];
        return ((YamlMappingNode)site["environment"]).Children
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? string.Empty);
    }

    /// <summary>The checkout the tests run from (the folder holding CreditSite.sln).</summary>
    internal static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "CreditSite.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("CreditSite.sln not found above the test folder.");
        }

        return dir;
    }

    // ${VARIABLE:?message}: compose refuses to start with the message when the variable is unset or empty.
    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*:\?.+\}$")]
    private static partial Regex RequiredInterpolation();
}
