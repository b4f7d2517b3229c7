namespace CreditSite.Web.Features;

/// <summary>Marks the main-navigation link of the section being viewed (server-side, no script).</summary>
public static class Navigation
{
    /// <summary><c>"page"</c> when <paramref name="path"/> is in the section at <paramref name="href"/>, else null
    /// (Razor leaves out an attribute whose value is null).</summary>
    public static string? CurrentMarker(PathString path, string href)
    {
        var current = href == "/"
            ? path == "/" || !path.HasValue
            : path.StartsWithSegments(href, StringComparison.OrdinalIgnoreCase);
        return current ? "page" : null;
    }
}
