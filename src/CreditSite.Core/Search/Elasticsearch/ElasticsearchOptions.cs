using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CreditSite.Search.Elasticsearch;

/// <summary>How Chinese text is analysed in a new index.</summary>
public enum ElasticsearchAnalyzer
{
    /// <summary><see cref="Smartcn"/> when every node has the <c>analysis-smartcn</c> plugin, else <see cref="Cjk"/>.</summary>
    Auto,

    /// <summary>SmartCn word segmentation (plugin <c>analysis-smartcn</c>) plus CJK bigrams.</summary>
    Smartcn,

    /// <summary>Built-in CJK bigrams only: needs no plugin.</summary>
    Cjk,
}

/// <summary><c>Search:Elasticsearch</c> section: where the cluster is, how to sign in, and how patient to be with it.</summary>
public sealed class ElasticsearchOptions
{
    public const string Section = "Search:Elasticsearch";

    /// <summary>One node URL, or several separated by commas (e.g. <c>https://es1:9200,https://es2:9200</c>).</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Base64 API key as Elasticsearch prints it (<c>encoded</c>); excludes <see cref="Username"/>.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>SHA-256 fingerprint of the cluster's CA certificate (hex, colons allowed), for self-signed clusters.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Indices are <c>{prefix}-documents-v{timestamp}</c> behind the alias <c>{prefix}-documents</c>.</summary>
    public string IndexPrefix { get; set; } = "creditsite";

    public ElasticsearchAnalyzer Analyzer { get; set; } = ElasticsearchAnalyzer.Auto;

    public int NumberOfShards { get; set; } = 1;

    public int NumberOfReplicas { get; set; } = 1;

    /// <summary>Deepest result a page may reach (<c>index.max_result_window</c>); pages beyond it come back empty.</summary>
    public int MaxResultWindow { get; set; } = 50_000;

    /// <summary>Time for one search request to the cluster.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Upper bound for a whole search, retries included: after it the page answers 503.</summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Time for one bulk or index-management request.</summary>
    public TimeSpan IndexingRequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a transient failure (unreachable, 429, 502–504, timeout), with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Retries of bulk items the cluster refused with 429 (its indexing queue is full).</summary>
    public int BulkMaxRetries { get; set; } = 6;

    public int BulkBatchSize { get; set; } = 1000;

    /// <summary>Share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers at once without asking the cluster; also the Retry-After of a 503.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public string AliasName => $"{IndexPrefix}-documents";

    public string IndexPattern => $"{IndexPrefix}-documents-v*";

    public IReadOnlyList<Uri> NodeUris() =>
        Url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList();

    /// <summary>The fingerprint without colons or spaces, upper case, as the transport expects it.</summary>
    public string? NormalisedFingerprint() =>
        string.IsNullOrWhiteSpace(CertificateFingerprint)
            ? null
            : CertificateFingerprint.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}

/// <summary>Checks <see cref="ElasticsearchOptions"/> at start-up, so a misconfigured cluster fails the start with a
/// message naming the key rather than the first search.</summary>
public sealed partial class ElasticsearchOptionsValidator : IValidateOptions<ElasticsearchOptions>
{
    public ValidateOptionsResult Validate(string? name, ElasticsearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string Key = ElasticsearchOptions.Section;

        var urls = options.Url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            errors.Add($"{Key}:Url 未配置：请填写 Elasticsearch 节点地址，例如 http://localhost:9200。");
        }

        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{Key}:Url 中的“{url}”不是 http 或 https 的绝对地址。");
            }
        }

        var hasApiKey = !string.IsNullOrWhiteSpace(options.ApiKey);
        var hasUser = !string.IsNullOrWhiteSpace(options.Username);
        if (hasApiKey && hasUser)
        {
            errors.Add($"{Key}:ApiKey 与 {Key}:Username 只能选一种认证方式。");
        }

        if (hasUser && string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{Key}:Password 未配置：使用用户名认证时必须提供密码。");
        }

        if (!hasUser && !string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{Key}:Password 已配置但缺少 {Key}:Username。");
        }

        if (options.NormalisedFingerprint() is { } fingerprint && !Sha256Hex().IsMatch(fingerprint))
        {
            errors.Add($"{Key}:CertificateFingerprint 应为 CA 证书的 SHA-256 指纹（64 位十六进制，可带冒号）。");
        }

        if (!IndexPrefixPattern().IsMatch(options.IndexPrefix ?? string.Empty))
        {
            errors.Add($"{Key}:IndexPrefix 只能由小写字母、数字、“-”和“_”组成，以字母或数字开头，最长 100 个字符。");
        }

        Check(options.NumberOfShards is >= 1 and <= 1024, "NumberOfShards 应在 1 到 1024 之间。");
        Check(options.NumberOfReplicas is >= 0 and <= 16, "NumberOfReplicas 应在 0 到 16 之间。");
        Check(options.MaxResultWindow is >= 100 and <= 1_000_000, "MaxResultWindow 应在 100 到 1000000 之间。");
        Check(options.RequestTimeout > TimeSpan.Zero, "RequestTimeout 必须大于 0。");
        Check(options.SearchTimeout >= options.RequestTimeout, "SearchTimeout 不能小于 RequestTimeout。");
        Check(options.IndexingRequestTimeout > TimeSpan.Zero, "IndexingRequestTimeout 必须大于 0。");
        Check(options.MaxRetries is >= 0 and <= 10, "MaxRetries 应在 0 到 10 之间。");
        Check(options.RetryBaseDelay >= TimeSpan.Zero, "RetryBaseDelay 不能为负。");
        Check(options.BulkMaxRetries is >= 0 and <= 20, "BulkMaxRetries 应在 0 到 20 之间。");
        Check(options.BulkBatchSize is >= 1 and <= 10_000, "BulkBatchSize 应在 1 到 10000 之间。");
        Check(options.BreakerFailureRatio is > 0 and <= 1, "BreakerFailureRatio 应大于 0 且不超过 1。");
        Check(options.BreakerMinimumThroughput >= 2, "BreakerMinimumThroughput 至少为 2。");
        Check(options.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), "BreakerSamplingDuration 至少为 0.5 秒。");
        Check(options.BreakDuration >= TimeSpan.FromMilliseconds(500), "BreakDuration 至少为 0.5 秒。");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add($"{Key}:{message}");
            }
        }
    }

    [GeneratedRegex("^[0-9A-F]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex IndexPrefixPattern();
}
