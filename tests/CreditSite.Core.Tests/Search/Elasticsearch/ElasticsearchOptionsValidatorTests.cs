using CreditSite.Search.Elasticsearch;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>Start-up refuses a misconfigured cluster connection with a Chinese message naming the key.</summary>
public sealed class ElasticsearchOptionsValidatorTests
{
    private const string Fingerprint = "E8:3B:1F:40:2A:9C:77:01:5D:6E:8F:90:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4";

    public static TheoryData<string, Action<ElasticsearchOptions>> Invalid => new()
    {
        { "Search:Elasticsearch:Url 未配置", o => o.Url = "" },
        { "不是 http 或 https 的绝对地址", o => o.Url = "es.internal:9200" },
        { "不是 http 或 https 的绝对地址", o => o.Url = "http://es1:9200, ftp://es2" },
        { "只能选一种认证方式", o => { o.ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="; o.Username = "elastic"; o.Password = "x"; } },
        { "必须提供密码", o => o.Username = "elastic" },
        { "缺少 Search:Elasticsearch:Username", o => o.Password = "secret" },
        { "SHA-256 指纹", o => o.CertificateFingerprint = "E8:3B:1F" },
        { "IndexPrefix", o => o.IndexPrefix = "CreditSite" },
        { "IndexPrefix", o => o.IndexPrefix = "-creditsite" },
        { "NumberOfShards", o => o.NumberOfShards = 0 },
        { "SearchTimeout 不能小于 RequestTimeout", o => o.SearchTimeout = TimeSpan.FromMilliseconds(100) },
        { "BreakerMinimumThroughput", o => o.BreakerMinimumThroughput = 1 },
        { "BreakerFailureRatio", o => o.BreakerFailureRatio = 0 },
        { "BulkBatchSize", o => o.BulkBatchSize = 0 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RefusesAMisconfiguration(string expected, Action<ElasticsearchOptions> change)
    {
        var options = new ElasticsearchOptions { Url = "http://localhost:9200" };
        change(options);

        var result = new ElasticsearchOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsSeveralNodesWithBasicAuthAndAFingerprintWithColons()
    {
        var options = new ElasticsearchOptions
        {
            Url = "https://es1:9200, https://es2:9200",
            Username = "elastic",
            Password = "changeme",
            CertificateFingerprint = Fingerprint.ToLowerInvariant(),
        };

        Assert.True(new ElasticsearchOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(2, options.NodeUris().Count);
        Assert.Equal(64, options.NormalisedFingerprint()!.Length);
        Assert.Equal("creditsite-documents", options.AliasName);
    }
}
