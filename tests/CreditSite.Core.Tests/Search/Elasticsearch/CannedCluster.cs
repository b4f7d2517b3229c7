using System.Text;
using System.Text.Json.Nodes;
using CreditSite.Search.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>One request the engine sent, as the cluster would have received it.</summary>
internal sealed record SentRequest(HttpMethod Method, string PathAndQuery, byte[] Body)
{
    public string Path => PathAndQuery.Split('?')[0];

    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery[(PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;

    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON: Chinese arrives \u-escaped, so compare values, not bytes.</summary>
    public JsonNode Json() => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body.");

    /// <summary>A bulk body: one JSON object per line.</summary>
    public IReadOnlyList<JsonNode> Lines() =>
        Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

    public override string ToString() => $"{Method} {PathAndQuery}";
}

/// <summary>A canned answer: status and body as Elasticsearch 9 sends them, or a wait that only cancellation ends
/// (a cluster that accepted the connection and never answers).</summary>
internal sealed record CannedResponse(int Status, string Body, bool Hang = false)
{
    public static CannedResponse Ok(string body) => new(200, body);

    public static readonly CannedResponse NeverAnswers = new(0, string.Empty, Hang: true);
}

/// <summary>Stands in for the cluster at the transport's lowest level (<see cref="IRequestInvoker"/>): it records
/// every request and answers from a script of canned responses per route, reusing
/// <see cref="InMemoryRequestInvoker"/> to turn the bytes into the client's responses. No server, no HTTP.</summary>
internal sealed class CannedCluster : IRequestInvoker
{
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new()
    {
        // The client refuses answers that do not say they come from Elasticsearch; the name must be lower case.
        ["x-elastic-product"] = ["Elasticsearch"],
    };

    private readonly InMemoryRequestInvoker _builder = new([], 200, null, "application/json", ProductHeader);
    private readonly List<(HttpMethod Method, Func<string, bool> Matches, Queue<CannedResponse> Answers)> _routes = [];
    private readonly Lock _gate = new();

    public List<SentRequest> Requests { get; } = [];

    public ResponseFactory ResponseFactory => _builder.ResponseFactory;

    /// <summary>Answers requests whose path (without query) satisfies <paramref name="path"/>; answers are used in
    /// order and the last one repeats. Later routes win over earlier ones.</summary>
    public CannedCluster On(HttpMethod method, Func<string, bool> path, params CannedResponse[] answers)
    {
        _routes.Insert(0, (method, path, new Queue<CannedResponse>(answers)));
        return this;
    }

    public CannedCluster On(HttpMethod method, string path, params CannedResponse[] answers) =>
        On(method, p => p == path, answers);

    public IEnumerable<SentRequest> To(HttpMethod method, string pathSuffix) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var body = Array.Empty<byte>();
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            await postData.WriteAsync(stream, boundConfiguration.ConnectionSettings, true, cancellationToken);
            body = stream.ToArray();
        }

        var path = endpoint.PathAndQuery.StartsWith('/') ? endpoint.PathAndQuery : "/" + endpoint.PathAndQuery;
        var sent = new SentRequest(endpoint.Method, path, body);
        CannedResponse answer;
        lock (_gate)
        {
            Requests.Add(sent);
            answer = Answer(sent);
        }

        if (answer.Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return await _builder.BuildResponseAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken,
            Encoding.UTF8.GetBytes(answer.Body), answer.Status, "application/json");
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        throw new NotSupportedException("The engine only makes asynchronous calls.");

    public void Dispose()
    {
    }

    private CannedResponse Answer(SentRequest sent)
    {
        foreach (var (method, matches, answers) in _routes)
        {
            if (method == sent.Method && matches(sent.Path))
            {
                return answers.Count > 1 ? answers.Dequeue() : answers.Peek();
            }
        }

        return new CannedResponse(500, $$"""{"error":{"type":"test_script_exception","reason":"no canned answer for {{sent}}"},"status":500}""");
    }
}

internal static class TestEngine
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public const string NewIndex = "creditsite-documents-v20260301080000000";

    public static ElasticsearchOptions Options(Action<ElasticsearchOptions>? change = null)
    {
        var options = new ElasticsearchOptions
        {
            Url = "http://es.test:9200",
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            BulkBatchSize = 3,
        };
        change?.Invoke(options);
        return options;
    }

    public static ElasticsearchSearchEngine Create(CannedCluster cluster, ElasticsearchOptions? options = null, TimeProvider? time = null)
    {
        time ??= new FixedClock(Now);
        var elasticsearch = new ElasticsearchCluster(options ?? Options(), time, NullLogger.Instance, cluster, s => s.DisableDirectStreaming());
        return new ElasticsearchSearchEngine(elasticsearch, time, NullLogger.Instance);
    }
}

/// <summary>A clock whose date is fixed (index names are predictable) while its timers run in real time, so retry
/// backoff and timeouts behave as in production.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
