using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Platforms;
using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Site.ListSync;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary><c>GET /api/v1/records</c>: what changed in the public view of one kind of record since a time, for
/// platforms that mirror the records — upserts with content, removals with kind, id and time only — ordered by change
/// time and paged by an opaque cursor (<see cref="RecordChangeFeed"/> says what counts as a change).</summary>
public static partial class RecordChangesApi
{
    public const int DefaultPageSize = 100;

    public static IEndpointRouteBuilder MapRecordChangesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/records", ChangesAsync)
            .WithTags("平台接口")
            .WithName("RecordChanges")
            .WithSummary("公共信用记录变更（行政许可、行政处罚、信用承诺）：自某一时间以来新增、更新和移出公示的记录")
            .WithDescription("供镜像本站记录的平台增量同步。首次请求给出 kind 与 changed_since；之后每次用上次应答的 nextCursor 作为 cursor 继续。"
                + "change 为 upsert（导入写入且当前公示中，附 record 全部公示字段）或 removal（移出公示：被整体替换导入删除、状态撤回或已过公示期限，只含 kind、id、changedAt）。"
                + "按变更时间排序。cursor 不透明，不要解析或修改；被改动的 cursor 返回 400。hasMore 为 false 时已取完，稍后用 nextCursor 再取新的变更。");
        return app;
    }

    private static async Task<Results<Ok<RecordChangesAnswer>, ProblemHttpResult>> ChangesAsync(
        HttpContext context,
        [AsParameters] RecordChangesQuery query,
        [FromServices] RecordChangeFeed feed,
        [FromServices] RecordChangeCursor cursors,
        [FromServices] PublicUrls urls,
        [FromServices] DemoDataMode demo,
        CancellationToken cancellationToken)
    {
        _ = query; // Declared for the OpenAPI document; read from the query string here, so that every error is in Chinese.
        var q = context.Request.Query;
        var (position, pageSize, errors) = Read(q["kind"].ToString(), q["changed_since"].ToString(), q["cursor"].ToString(), q["page_size"].ToString(), cursors);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: "查询参数有误");
        }

        var page = await feed.ReadAsync(position!, pageSize, cancellationToken);
        var baseUrl = urls.BaseUrl;
        var changes = page.Changes.Select(c => new RecordChangeAnswer(
            c.Type == RecordChangeType.Upsert ? "upsert" : "removal",
            c.Kind.Code(),
            c.RecordId,
            ApiFormat.Time(c.ChangedAt),
            c.Record is null ? null : RecordAnswer.From(c.Record, baseUrl))).ToList();
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RecordChangesAnswer(
            position!.Kind.Code(), ApiFormat.Time(page.AsOf), changes.Count, page.HasMore, cursors.Write(page.Next), changes) { Notice = demo.NoticeOrNull });
    }

    /// <summary>The position to read from and the page size, or the Chinese reasons the parameters are refused.</summary>
    internal static (RecordChangePosition? Position, int PageSize, IReadOnlyList<string> Errors) Read(
        string? kindText, string? changedSinceText, string? cursorText, string? pageSizeText, RecordChangeCursor cursors)
    {
        var errors = new List<string>();
        RecordKind? kind = null;
        if (string.IsNullOrWhiteSpace(kindText))
        {
            errors.Add("缺少参数 kind：应为 licence（行政许可）、penalty（行政处罚）或 commitment（信用承诺）。");
        }
        else if (RecordText.TryParseRecordKind(kindText, out var parsed))
        {
            kind = parsed;
        }
        else
        {
            errors.Add($"kind 的值“{Shorten(kindText)}”无效：应为 licence（行政许可）、penalty（行政处罚）或 commitment（信用承诺）。");
        }

        var pageSize = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(pageSizeText)
            && (!int.TryParse(pageSizeText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > RecordChangeFeed.MaxPageSize))
        {
            errors.Add($"page_size 应为 1 到 {RecordChangeFeed.MaxPageSize} 之间的整数（默认 {DefaultPageSize}）。");
        }

        RecordChangePosition? position = null;
        if (!string.IsNullOrWhiteSpace(cursorText))
        {
            position = cursors.Read(cursorText.Trim());
            if (position is null)
            {
                errors.Add("cursor 无效：它须是上一次应答中 nextCursor 的原样内容，不能修改或拼接。请原样传回，或改用 changed_since 重新开始。");
            }
            else if (kind is { } k && position.Kind != k)
            {
                errors.Add($"cursor 属于 {position.Kind.Code()}（{position.Kind.Label()}）的变更，与 kind={k.Code()} 不符。");
            }
        }
        else if (string.IsNullOrWhiteSpace(changedSinceText))
        {
            errors.Add("缺少参数 changed_since（ISO 8601 时间，如 2026-01-01T00:00:00+08:00）或 cursor。首次同步可给一个足够早的时间，如 2000-01-01。");
        }
        else if (TryParseTime(changedSinceText, out var since))
        {
            position = kind is { } k ? RecordChangePosition.Since(k, since) : null;
        }
        else
        {
            errors.Add($"changed_since 的值“{Shorten(changedSinceText)}”不是有效的 ISO 8601 时间。示例：2026-01-01T00:00:00+08:00、2026-01-01T00:00:00Z 或 2026-01-01（北京时间零点）；不带时区的时间按北京时间理解。");
        }

        return (errors.Count == 0 ? position : null, pageSize, errors);
    }

    /// <summary>ISO 8601: a date (midnight China Standard Time), or a date and time with an optional fraction and an
    /// optional zone (<c>Z</c> or ±hh:mm; none means China Standard Time). A <c>+</c> that arrived as a space, because
    /// the caller did not percent-encode it, is read as <c>+</c>.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        var match = IsoTime().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var zone = match.Groups["zone"].Value;
        var offset = zone.Length == 0 ? CreditCalendar.ChinaStandardTime
            : zone is "Z" or "z" ? TimeSpan.Zero
            : new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[^2..], CultureInfo.InvariantCulture), 0) * (zone[0] == '-' ? -1 : 1);
        if (offset > TimeSpan.FromHours(14) || offset < TimeSpan.FromHours(-14))
        {
            return false;
        }

        var local = match.Groups["date"].Value + (match.Groups["time"].Success ? "T" + match.Groups["time"].Value : "T00:00:00");
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        if (!DateTime.TryParseExact(local, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return false;
        }

        try
        {
            time = new DateTimeOffset(dateTime, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // 0001-01-01T00:00+08:00 lies before the first representable instant.
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[Tt](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(?<zone>Z|z|[+\- ]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();
}

/// <summary>The query-string parameters of <c>GET /api/v1/records</c>, as the OpenAPI document shows them.</summary>
public sealed class RecordChangesQuery
{
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "changed_since")] public string? ChangedSince { get; set; }
    [FromQuery(Name = "cursor")] public string? Cursor { get; set; }
    [FromQuery(Name = "page_size")] public string? PageSize { get; set; }
}

/// <param name="Change"><c>upsert</c> or <c>removal</c>.</param>
/// <param name="Record">For an upsert: the record as it is now. Never for a removal.</param>
public sealed record RecordChangeAnswer(
    string Change, string Kind, string Id, string ChangedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RecordAnswer? Record);

/// <param name="AsOf">The moment the answer describes, ISO 8601, China Standard Time.</param>
/// <param name="HasMore">More changes are ready: ask again with <paramref name="NextCursor"/> at once.</param>
/// <param name="NextCursor">Where to continue, now (when <paramref name="HasMore"/>) or at the next poll.</param>
public sealed record RecordChangesAnswer(
    string Kind, string AsOf, int Count, bool HasMore, string NextCursor, IReadOnlyList<RecordChangeAnswer> Changes)
{
    /// <summary>Set when the site holds demonstration data (演示数据): the records are not real decisions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }
}
