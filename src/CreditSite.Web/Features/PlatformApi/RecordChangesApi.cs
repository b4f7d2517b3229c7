using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Platforms;
using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Site.Errors;
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

    public const string StoreUnavailable = "记录数据库暂时无法访问，请稍后再试；cursor 仍然有效。";

    private const string RetryAfterSeconds = "30";

    public static string ChangeCode(RecordChangeType type) => type == RecordChangeType.Upsert ? "upsert" : "removal";

    public static IEndpointRouteBuilder MapRecordChangesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/records", ChangesAsync)
            .WithTags("平台接口")
            .WithName("RecordChanges")
            .WithSummary("公共信用记录变更（行政许可、行政处罚、信用承诺）：自某一时间以来新增、更新和移出公示的记录")
            .WithDescription("供镜像本站记录的平台增量同步。首次请求给出 kind 与 changed_since；之后每次用上次应答的 nextCursor 作为 cursor 继续。"
                + "change 为 upsert（导入写入且当前公示中，附 record 全部公示字段）或 removal（移出公示：被整体替换的导入删除、因状态撤回（信用修复、撤销、撤回、过期），"
                + "或过了公示截止日期（截止日次日北京时间零点起），只含 kind、id、changedAt，不含内容）。按变更时间排序，同一记录只给出它最新的状态。"
                + "cursor 不透明，请原样传回，不要解析、修改或自行拼接；被改动的 cursor 返回 400。hasMore 为 true 时立即用 nextCursor 取下一页；为 false 时已取完，"
                + "稍后再用 nextCursor 取此后的变更。翻页期间恰有导入提交时，个别变更可能重复出现：按 kind 与 id 覆盖写入即可。")
            .WithApiDoc(RecordsApiDocs.Changes);
        return app;
    }

    private static async Task<Results<Ok<RecordChangesAnswer>, ProblemHttpResult>> ChangesAsync(
        HttpContext context,
        [FromServices] RecordChangeFeed feed,
        [FromServices] RecordChangeCursor cursors,
        [FromServices] PublicUrls urls,
        [FromServices] DemoDataMode demo,
        [FromServices] ILogger<RecordChangeFeed> logger,
        CancellationToken cancellationToken)
    {
        // Read from the query string, never bound, so that every bad value gets its Chinese reason (RecordsApiDocs
        // documents them).
        var q = context.Request.Query;
        var (position, pageSize, errors) = Read(q["kind"].ToString(), q["changed_since"].ToString(), q["cursor"].ToString(), q["page_size"].ToString(), cursors);
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, string.Join(" ", errors));
        }

        RecordChangePage page;
        try
        {
            page = await feed.ReadAsync(position!, pageSize, cancellationToken);
        }
        catch (DbException e)
        {
            // The store, not search, answers this API: its outage gets the same 503 with Retry-After.
            logger.LogWarning(e, "The record change feed could not read the store");
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, StoreUnavailable);
        }

        var baseUrl = urls.BaseUrl;
        var changes = page.Changes.Select(c => new RecordChangeAnswer(
            ChangeCode(c.Type),
            c.Kind.Code(),
            c.RecordId,
            ApiTime.Beijing(c.ChangedAt),
            c.Record is null ? null : RecordAnswer.From(c.Record, baseUrl))).ToList();
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RecordChangesAnswer(
            position!.Kind.Code(), ApiTime.Beijing(page.AsOf), changes.Count, page.HasMore, cursors.Write(page.Next), changes) { Notice = demo.NoticeOrNull });
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

/// <param name="Record">For an upsert: the record as it is now. Never for a removal.</param>
[Description("一项变更。")]
public sealed record RecordChangeAnswer(
    [property: Description("变更类型。"), ApiCodes(typeof(RecordsApiDocs), nameof(RecordsApiDocs.ChangeTypes))] string Change,
    [property: Description("记录类别，与请求的 kind 相同。"), ApiCodes(typeof(RecordsApiDocs), nameof(RecordsApiDocs.Kinds))] string Kind,
    [property: Description("记录编号；与 kind 一起标识一条记录。")] string Id,
    [property: Description("变更时间，ISO 8601，北京时间：导入写入或删除的时间；因过了公示截止日期而移出的，为截止日次日零点。")] DateTimeOffset ChangedAt,
    [property: Description("记录的全部公示字段（当前状态）；只有 upsert 有，removal 不含任何内容。"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RecordAnswer? Record);

[Description("一页记录变更。")]
public sealed record RecordChangesAnswer(
    [property: Description("记录类别，与请求的 kind 相同。"), ApiCodes(typeof(RecordsApiDocs), nameof(RecordsApiDocs.Kinds))] string Kind,
    [property: Description("本页所反映的时刻，ISO 8601，北京时间。")] DateTimeOffset AsOf,
    [property: Description("本页的变更数。")] int Count,
    [property: Description("为 true 时还有已发生的变更未取完，应立即用 nextCursor 取下一页；为 false 时已取完，稍后再用 nextCursor 取新的变更。")] bool HasMore,
    [property: Description("继续时作为 cursor 参数原样传回的不透明字符串（已加密，不要解析或修改）。每次应答都有，保存最新的一个即可。")] string NextCursor,
    [property: Description("本页的变更，按变更时间从早到晚。")] IReadOnlyList<RecordChangeAnswer> Changes)
{
    [Description("本站载有演示数据时才有此字段，提示数据并非真实决定。")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notice { get; init; }
}
