using System.Net;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>Pages as text a reader sees: character references decoded, so assertions do not depend on how the
/// encoder writes Chinese (raw or as <c>&amp;#x…;</c>).</summary>
internal static class HtmlReading
{
    public static async Task<string> ReadHtmlAsync(this HttpContent content) => WebUtility.HtmlDecode(await content.ReadAsStringAsync());

    public static async Task<string> GetHtmlAsync(this HttpClient client, string path) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
}
