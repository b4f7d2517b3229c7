using System.Net;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>Small helpers for reading pages through the test host.</summary>
public static class SiteClient
{
    public static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string Query(string value) => Uri.EscapeDataString(value);

    /// <summary>Text as Razor writes it into HTML (it escapes only markup characters).</summary>
    public static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
