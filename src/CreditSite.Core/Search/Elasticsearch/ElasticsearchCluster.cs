using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CreditSite.Search.Elasticsearch;

/// <summary>How much time a kind of call may take: one attempt, and the whole call with its retries.</summary>
internal enum CallBudget
{
    /// <summary>A search behind a page: short, bounded by <see cref="ElasticsearchOptions.SearchTimeout"/>.</summary>
    Search,

    /// <summary>Bulk loads and index management: long single requests.</summary>
    Indexing,

    /// <summary><c>/healthz</c>: one short attempt, no retry.</summary>
    Health,
}

/// <summary>The one way the site talks to the cluster: every call goes through a Polly pipeline with a total timeout,
/// retries with exponential backoff for transient failures, a circuit breaker shared by all calls, and a timeout per
/// attempt. Failures come out as <see cref="SearchUnavailableException"/> (the cluster cannot answer now) or
/// <see cref="ElasticsearchRequestException"/> (the cluster answered and refused).</summary>
internal sealed class ElasticsearchCluster
{
    private static readonly ResiliencePropertyKey<CallBudget> BudgetKey = new("creditsite.elasticsearch.budget");

    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;

    public ElasticsearchCluster(ElasticsearchOptions options, TimeProvider time, ILogger logger,
        IRequestInvoker? invoker = null, Action<ElasticsearchClientSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Options = options;
        _logger = logger;

        var nodes = options.NodeUris();
        NodePool pool = nodes.Count == 1 ? new SingleNodePool(nodes[0]) : new StaticNodePool(nodes);
        var settings = invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker);
        // The transport's own timeout is only a backstop for the longest call; the pipeline enforces each budget.
        settings.RequestTimeout(options.IndexingRequestTimeout);
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrWhiteSpace(options.Username))
        {
            settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? string.Empty));
        }

        if (options.NormalisedFingerprint() is { } fingerprint)
        {
            settings.CertificateFingerprint(fingerprint);
        }

        configure?.Invoke(settings);
        Client = new ElasticsearchClient(settings);
        _pipeline = BuildPipeline(options, time);
    }

    public ElasticsearchOptions Options { get; }

    public ElasticsearchClient Client { get; }

    /// <summary>Sends one call through the pipeline. A status in <paramref name="accepted"/> (e.g. 404 for "no such
    /// index yet") comes back as a response instead of an exception.</summary>
    public async Task<TResponse> SendAsync<TResponse>(
        string operation, CallBudget budget, Func<ElasticsearchClient, CancellationToken, Task<TResponse>> call,
        CancellationToken cancellationToken, params int[] accepted)
        where TResponse : TransportResponse
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        context.Properties.Set(BudgetKey, budget);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    TResponse response;
                    try
                    {
                        response = await state.call(state.Client, ctx.CancellationToken);
                    }
                    catch (TransportException e) when (ctx.CancellationToken.IsCancellationRequested)
                    {
                        // The transport wraps a cancelled request; unwrapped, the timeout strategy recognises its own
                        // timeout and a caller's cancellation travels on as a cancellation.
                        throw new OperationCanceledException(e.Message, e, ctx.CancellationToken);
                    }
                    catch (TransportException e)
                    {
                        throw new ClusterCallFailure(state.operation, null, null, e.Message, e);
                    }

                    // A timed-out attempt may come back as a failed response rather than an exception: let the
                    // timeout strategy see it as a cancellation.
                    ctx.CancellationToken.ThrowIfCancellationRequested();
                    Check(state.operation, response, state.accepted);
                    return response;
                },
                context,
                (call, Client, operation, accepted));
        }
        catch (BrokenCircuitException e)
        {
            throw new SearchUnavailableException("搜索服务暂时不可用：Elasticsearch 连续失败，已暂停访问。", e)
            {
                RetryAfter = e.RetryAfter is { } after && after > TimeSpan.Zero ? after : Options.BreakDuration,
            };
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Elasticsearch {Operation} timed out after {Timeout}.", operation, e.Timeout);
            throw new SearchUnavailableException("搜索服务暂时不可用：Elasticsearch 响应超时。", e) { RetryAfter = RetryAfter };
        }
        catch (ClusterCallFailure e) when (e.IsTransient)
        {
            _logger.LogWarning("Elasticsearch {Operation} failed: {Failure}", operation, e.Message);
            throw new SearchUnavailableException("搜索服务暂时不可用：无法连接 Elasticsearch 或集群繁忙。", e) { RetryAfter = RetryAfter };
        }
        catch (ClusterCallFailure e)
        {
            throw new ElasticsearchRequestException(operation, e.Status ?? 0, e.ErrorType, e.Reason, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Retry-After for transient failures: long enough for a busy cluster to drain, never longer than a break.</summary>
    private TimeSpan RetryAfter => Options.BreakDuration < TimeSpan.FromSeconds(10) ? Options.BreakDuration : TimeSpan.FromSeconds(10);

    private static void Check<TResponse>(string operation, TResponse response, int[] accepted)
        where TResponse : TransportResponse
    {
        var details = response.ApiCallDetails;
        var status = details?.HttpStatusCode;
        // A bulk answer with item errors is still a valid answer: the items are judged one by one by the caller.
        var ok = response is ElasticsearchResponse es and not BulkResponse ? es.IsValidResponse : details?.HasSuccessfulStatusCode == true;
        if (ok || (status is { } s && accepted.Contains(s)))
        {
            return;
        }

        var (type, reason) = ErrorOf(response);
        throw new ClusterCallFailure(operation, status, type, reason ?? details?.OriginalException?.Message, details?.OriginalException);
    }

    private static (string? Type, string? Reason) ErrorOf(TransportResponse response)
    {
        if (response is ElasticsearchResponse { ElasticsearchServerError.Error: { } error })
        {
            return (error.Type, error.Reason);
        }

        // Low-level responses carry the error only in their body.
        var body = response is StringResponse { Body: { Length: > 0 } text } ? text : null;
        if (body is null)
        {
            return (null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                return (e.TryGetProperty("type", out var t) ? t.GetString() : null, e.TryGetProperty("reason", out var r) ? r.GetString() : null);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML error page): the status code says enough.
        }

        return (null, body.Length > 200 ? body[..200] : body);
    }

    private static ResiliencePipeline BuildPipeline(ElasticsearchOptions options, TimeProvider time)
    {
        TimeSpan Total(ResilienceContext c) => c.Properties.GetValue(BudgetKey, CallBudget.Search) switch
        {
            CallBudget.Search => options.SearchTimeout,
            CallBudget.Health => options.RequestTimeout,
            // A bulk load may retry a slow request several times; the attempt timeout bounds each one.
            _ => options.IndexingRequestTimeout * (options.MaxRetries + 1) + TimeSpan.FromSeconds(30),
        };

        TimeSpan Attempt(ResilienceContext c) => c.Properties.GetValue(BudgetKey, CallBudget.Search) == CallBudget.Indexing
            ? options.IndexingRequestTimeout
            : options.RequestTimeout;

        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        builder.AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = a => ValueTask.FromResult(Total(a.Context)) });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldHandle = a => ValueTask.FromResult(
                    a.Context.Properties.GetValue(BudgetKey, CallBudget.Search) != CallBudget.Health
                    && a.Outcome.Exception is TimeoutRejectedException or ClusterCallFailure { IsTransient: true }),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            // 429 is the cluster asking for patience, not a sign it is down: it is retried but does not open the circuit.
            ShouldHandle = a => ValueTask.FromResult(
                a.Outcome.Exception is TimeoutRejectedException or ClusterCallFailure { IsTransient: true, Status: not 429 }),
        });
        builder.AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = a => ValueTask.FromResult(Attempt(a.Context)) });
        return builder.Build();
    }
}

/// <summary>One failed call, inside the pipeline: transient ones are retried and count against the circuit.</summary>
internal sealed class ClusterCallFailure(string operation, int? status, string? errorType, string? reason, Exception? inner)
    : Exception(Describe(operation, status, errorType, reason), inner)
{
    public int? Status { get; } = status;

    public string? ErrorType { get; } = errorType;

    public string? Reason { get; } = reason;

    /// <summary>No answer at all, 429 (queue full), or a gateway/unavailable status: worth another try later.</summary>
    public bool IsTransient => Status is null or 429 or 502 or 503 or 504;

    private static string Describe(string operation, int? status, string? errorType, string? reason)
    {
        var parts = new[] { status is { } code ? "HTTP " + code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response", errorType, reason };
        return operation + ": " + string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}

/// <summary>The cluster answered and refused the request (bad request, no permission, conflicting mapping …).
/// Retrying will not help; the message names the operation and Elasticsearch's reason.</summary>
public sealed class ElasticsearchRequestException : Exception
{
    public ElasticsearchRequestException()
    {
        Operation = string.Empty;
    }

    public ElasticsearchRequestException(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    public ElasticsearchRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    public ElasticsearchRequestException(string operation, int status, string? errorType, string? reason, Exception? innerException)
        : base($"Elasticsearch 拒绝了请求“{operation}”（HTTP {status}{(errorType is null ? string.Empty : " " + errorType)}）：{reason ?? "没有给出原因"}", innerException)
    {
        Operation = operation;
        Status = status;
        ErrorType = errorType;
        Reason = reason;
    }

    public string Operation { get; }

    public int Status { get; }

    public string? ErrorType { get; }

    public string? Reason { get; }
}
