using System.Text.Json;
using CreditSite.Search;
using CreditSite.Search.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>The search contract against a real Elasticsearch cluster, when <c>CREDITSITE_TEST_ELASTICSEARCH_URL</c>
/// names one (credentials may be in the URL: <c>http://elastic:secret@localhost:9200</c>; an API key in
/// <c>CREDITSITE_TEST_ELASTICSEARCH_API_KEY</c>). Each test gets its own index prefix and removes its indices.
/// Without the variable every test, each theory case included, is reported as skipped (see <see cref="TestCluster"/>).</summary>
public sealed class ElasticsearchContractTests(ITestOutputHelper output) : SearchEngineContract
{
    private readonly string _prefix = "creditsite-test-" + Guid.NewGuid().ToString("N");

    protected override Task<ISearchEngine> CreateEngineAsync()
    {
        TestCluster.SkipUnlessConfigured();
        var options = ClusterOptions(_prefix);
        output.WriteLine($"Search contract running against Elasticsearch at {options.Url} (index prefix {_prefix}).");
        return Task.FromResult<ISearchEngine>(new ElasticsearchSearchEngine(
            Options.Create(options), TimeProvider.System, NullLogger<ElasticsearchSearchEngine>.Instance));
    }

    protected override async Task CleanupAsync()
    {
        if (TestCluster.Url is null)
        {
            return; // the test was skipped before it made anything
        }

        var options = ClusterOptions(_prefix);
        var client = new ElasticsearchCluster(options, TimeProvider.System, NullLogger.Instance).Client;
        // Wildcard deletes are refused by default (action.destructive_requires_name): list the indices, delete by name.
        var listed = await client.Transport.RequestAsync<StringResponse>(HttpMethod.GET, $"/_cat/indices/{_prefix}-*?h=index&format=json");
        if (!listed.ApiCallDetails.HasSuccessfulStatusCode)
        {
            return;
        }

        using var json = JsonDocument.Parse(listed.Body);
        var names = json.RootElement.EnumerateArray().Select(i => i.GetProperty("index").GetString()).OfType<string>().ToList();
        if (names.Count > 0)
        {
            await client.Transport.RequestAsync<StringResponse>(HttpMethod.DELETE, "/" + string.Join(',', names));
        }
    }

    /// <summary>Options for the test cluster: no replicas (a single node stays green) and patient timeouts.</summary>
    private static ElasticsearchOptions ClusterOptions(string prefix)
    {
        var url = new Uri(TestCluster.Url ?? throw new InvalidOperationException($"{TestCluster.Variable} is not set."));
        var options = new ElasticsearchOptions
        {
            Url = url.GetLeftPart(UriPartial.Authority),
            ApiKey = Environment.GetEnvironmentVariable("CREDITSITE_TEST_ELASTICSEARCH_API_KEY") is { Length: > 0 } key ? key : null,
            IndexPrefix = prefix,
            NumberOfReplicas = 0,
            RequestTimeout = TimeSpan.FromSeconds(15),
            SearchTimeout = TimeSpan.FromSeconds(30),
            BulkBatchSize = 500,
        };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            options.Username = Uri.UnescapeDataString(parts[0]);
            options.Password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        var validation = new ElasticsearchOptionsValidator().Validate(null, options);
        return validation.Failed ? throw new InvalidOperationException(validation.FailureMessage) : options;
    }
}
