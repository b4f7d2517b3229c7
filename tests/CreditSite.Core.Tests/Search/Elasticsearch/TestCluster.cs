namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>The real Elasticsearch cluster some tests run against, named by <c>CREDITSITE_TEST_ELASTICSEARCH_URL</c>.
/// No cluster can be installed on the build machines, so without the variable those tests call
/// <see cref="SkipUnlessConfigured"/> and are reported as skipped with the reason, rather than failing or being absent.</summary>
public static class TestCluster
{
    public const string Variable = "CREDITSITE_TEST_ELASTICSEARCH_URL";

    public const string SkipReason =
        "Runs only when CREDITSITE_TEST_ELASTICSEARCH_URL points at an Elasticsearch cluster (see docs/elasticsearch.md).";

    public static string? Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    /// <summary>Skips the running test (it must be a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>) when no
    /// cluster is configured.</summary>
    public static void SkipUnlessConfigured() => Skip.If(Url is null, SkipReason);
}
