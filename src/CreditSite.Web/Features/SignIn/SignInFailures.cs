namespace CreditSite.Web.Features.SignIn;

/// <summary>Why a sign-in failed, as short codes in the failure page's address and the site's own Chinese messages on
/// the page. The page never shows text from the address: anyone could otherwise put their own words (a number to call,
/// an account to pay into) on a government page.</summary>
public static class SignInFailures
{
    public const string NoName = "身份认证平台未提供姓名，无法登录。";
    public const string InvalidResidentId = "身份认证平台提供的居民身份证号码无效，无法登录。";
    public const string InvalidUscc = "身份认证平台提供的统一社会信用代码无效，无法以企业经办人身份登录。";
    public const string NoRealNameIdentity = "身份认证平台未提供实名身份信息（居民身份证号码或企业统一社会信用代码），无法登录。";

    /// <summary>The message for anything else: a timeout, a cancellation, an unknown or missing code.</summary>
    public const string General = "登录未能完成，可能是登录已超时或被取消，请重新登录。";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["no-name"] = NoName,
        ["invalid-id"] = InvalidResidentId,
        ["invalid-uscc"] = InvalidUscc,
        ["no-identity"] = NoRealNameIdentity,
    };

    /// <summary>The code for one of the messages above, or null (the page then shows <see cref="General"/>).</summary>
    public static string? CodeOf(string? message) =>
        message is null ? null : Messages.FirstOrDefault(p => p.Value == message).Key;

    /// <summary>The site's message for a code; <see cref="General"/> for any other input.</summary>
    public static string MessageFor(string? code) =>
        code is not null && Messages.TryGetValue(code, out var message) ? message : General;
}
