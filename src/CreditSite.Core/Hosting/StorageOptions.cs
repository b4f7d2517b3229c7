namespace CreditSite.Hosting;

public enum StoreProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary><c>Storage</c> section: the data folder shared by the web site and the CLI, and the relational store.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Data folder; relative paths are taken from the site root. Default <c>data/</c> (ignored by git).</summary>
    public string DataPath { get; set; } = "data";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>PostgreSQL connection string (from the environment in production:
    /// <c>Storage__ConnectionString</c>). Ignored for SQLite, whose file lives in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Load the demonstration set (演示数据: fictitious red/black entries). Unset means on in Development and
    /// off everywhere else; any other environment refuses to start with it on unless
    /// <see cref="AllowDemoDataOutsideDevelopment"/> is set too, and then every page, API answer, feed and badge says so.</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>The second, explicit switch a demonstration server outside Development needs for demo data.</summary>
    public bool AllowDemoDataOutsideDevelopment { get; set; }

    /// <summary>A CSV or JSON Lines file to load on first start instead of the generated demonstration set.</summary>
    public string? DemoDataFile { get; set; }

    /// <summary>How many entries the generated demonstration set has.</summary>
    public int DemoDataCount { get; set; } = 10_000;

    /// <summary>The one rule both stores — list entries and API keys (<c>CreditStore</c>), reports, grants and the
    /// access record (<c>ReportsStore</c>) — choose their database by: a connection string means PostgreSQL (SQLite
    /// needs none, its files live in the data folder); <c>Storage:Provider=PostgreSql</c> without one is an error
    /// (<see cref="ProviderError"/>). Both stores therefore always sit in the same database.</summary>
    public StoreProvider EffectiveProvider =>
        string.IsNullOrWhiteSpace(ConnectionString) ? Provider : StoreProvider.PostgreSql;

    /// <summary>Why the provider settings cannot be used, or null. Checked at start-up (options validation).</summary>
    public string? ProviderError =>
        EffectiveProvider == StoreProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString) ? MissingConnectionString : null;

    public const string MissingConnectionString =
        "Storage:Provider 为 PostgreSql 时必须设置 Storage:ConnectionString（例如环境变量 Storage__ConnectionString）。";

    public string ResolveDataPath(string siteRoot) =>
        Path.IsPathRooted(DataPath) ? DataPath : Path.GetFullPath(Path.Combine(siteRoot, DataPath));
}

/// <summary><c>Privacy</c> section.</summary>
public sealed class PrivacyOptions
{
    public const int MinKeyLength = 16;

    public const string MissingKey = "缺少 Privacy:IdHashKey（身份证号的哈希密钥）。";

    public const string ShortKey = "Privacy:IdHashKey 至少 16 个字符。";

    public const string Section = "Privacy";

    /// <summary>HMAC key for resident ID numbers. A development default ships in appsettings.Development.json;
    /// production sets <c>Privacy__IdHashKey</c> from a secret store.</summary>
    public string IdHashKey { get; set; } = string.Empty;
}
