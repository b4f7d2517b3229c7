namespace CreditSite.Web.Features.CareMode;

/// <summary>关怀版: larger text, more spacing and contrast, larger click targets and no motion, after MIIT's
/// 《互联网网站适老化通用设计规范》. Chosen with a plain link that sets a cookie, so it works without JavaScript and is
/// remembered; the same content either way.</summary>
public static class CareMode
{
    public const string Cookie = "care_mode";

    public static bool IsOn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies[Cookie] == "on";
    }

    /// <summary>The switch's address for the page being shown: it comes back to the same page. The path only, never
    /// the query: a search for an ID number, or text planted in a query string, must not be copied into every link of
    /// the page (and from there into history, logs and Referer headers).</summary>
    public static string SwitchUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"/care-mode?on={(IsOn(context) ? "false" : "true")}&return={Uri.EscapeDataString(context.Request.Path)}";
    }

    /// <summary>Only a path on this site: anything else (another host, <c>//host</c>, <c>/\host</c>, control
    /// characters a Location header cannot carry) goes home.</summary>
    public static string SafeReturn(string? path) =>
        path is { Length: > 0 and <= 2000 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            && !path.Any(char.IsControl)
            ? path
            : "/";
}
