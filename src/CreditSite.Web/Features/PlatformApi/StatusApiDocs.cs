using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.Embeds;

namespace CreditSite.Web.Features.PlatformApi;

/// <summary>The API reference of <see cref="StatusApi"/> (Chinese), read by the ApiDocs feature.</summary>
public static class StatusApiDocs
{
    public static readonly IReadOnlyList<ApiCode> Standings = ApiCode.Of<ListStanding>(SubjectStatus.CodeOf, standing => standing switch
    {
        ListStanding.Black => "有公示中的失信黑名单条目",
        ListStanding.Red => "在红名单上，没有公示中的黑名单条目",
        ListStanding.Clean => "本站有该主体的公示信息（登记信息、行政许可、行政处罚、信用承诺或诚信典型），但不在红黑名单上",
        _ => "代码有误，或本站没有该代码公示中的信息，包括条目已过公示期、已退出或已信用修复的",
    });

    private const string Valid = "91320402MA1B00025Q";
    private const string Invalid = "91320402MA1R00011X";

    public static readonly ApiOperationDoc Status = new()
    {
        RequestBody = new ApiBodyDoc(typeof(StatusRequest), $"要查询的统一社会信用代码，1 至 {StatusApi.MaxCodes} 个；请求体不超过 64 KiB。",
            new StatusRequest([Valid, Invalid])),
        ResponseDescription = "每个代码的状态，顺序与请求相同。",
        ResponseExample = new StatusAnswer(new DateOnly(2025, 6, 1), 2,
        [
            new CodeStatus(Valid, true, null, "black", 0, 2, $"https://credit.example.cn/subjects/{Valid}"),
            new CodeStatus(Invalid, false, "统一社会信用代码的校验码（GB 32100）不正确：第18位应为“F”，实为“X”。", "unknown", 0, 0, null),
        ]),
        Problems =
        [
            new(StatusCodes.Status400BadRequest,
                $"请求体不是 JSON 或未设置 Content-Type: application/json、缺少 codes、codes 不是字符串数组、为空、超过 {StatusApi.MaxCodes} 个，或请求体超过 64 KiB。"
                + "个别代码有误不会得到 400，而是在该代码的结果中说明。",
                $"每次至多查询 {StatusApi.MaxCodes} 个代码，本次提交了 120 个，请分批查询。"),
            new(StatusCodes.Status429TooManyRequests,
                "每个代码按 1 次计入匿名额度或密钥额度，超出额度时答复 429；响应头 Retry-After 给出需要等待的秒数。",
                "本次查询 100 个代码，按每个代码计 1 次，剩余额度不足：请稍后重试或减少每批的代码数。"),
        ],
    };
}
