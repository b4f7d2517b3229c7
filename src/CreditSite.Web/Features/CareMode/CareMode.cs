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

    /// <summary>The switch's address for the page being shown: it comes back to the same page.</summary>
    public static string SwitchUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var here = context.Request.Path + context.Request.QueryString;
        return $"/care-mode?on={(IsOn(context) ? "false" : "true")}&return={Uri.EscapeDataString(here)}";
    }

    /// <summary>Only a path on this site: anything else (another host, <c>//host</c>, <c>/\host</c>) goes home.</summary>
    public static string SafeReturn(string? path) =>
        path is { Length: > 0 and <= 2000 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            ? path
            : "/";
}
