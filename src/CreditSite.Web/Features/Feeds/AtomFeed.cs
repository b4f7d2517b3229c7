using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CreditSite.Web.Features.Feeds;

/// <summary>One entry of an Atom feed (RFC 4287).</summary>
public sealed record AtomEntry(string Id, string Title, string Link, DateTimeOffset Updated, string Summary, string? Category);

/// <summary>Writes an Atom 1.0 document: feed id, title, updated, author, self and alternate links, then entries
/// with id, title, updated, alternate link and summary.</summary>
public static class AtomFeed
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static string Write(string selfUrl, string title, string subtitle, string alternateUrl, IReadOnlyList<AtomEntry> entries, DateTimeOffset emptyUpdated)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated) : emptyUpdated;
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            new XElement(Atom + "id", selfUrl),
            new XElement(Atom + "title", title),
            new XElement(Atom + "subtitle", subtitle),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "信用常州")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", selfUrl)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", alternateUrl)),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "id", e.Id),
                new XElement(Atom + "title", e.Title),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", e.Link)),
                new XElement(Atom + "updated", Timestamp(e.Updated)),
                e.Category is null ? null : new XElement(Atom + "category", new XAttribute("term", e.Category)),
                new XElement(Atom + "summary", new XAttribute("type", "text"), e.Summary))));
        return Serialise(new XDocument(new XDeclaration("1.0", "utf-8", null), feed));
    }

    /// <summary>A stable, unique entry id that does not change when the site moves: a tag URI (RFC 4151).</summary>
    public static string TagId(string publicBaseUrl, string documentId)
    {
        var host = Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "localhost";
        return $"tag:{host},2019:{Uri.EscapeDataString(documentId)}";
    }

    /// <summary>Dates of decisions and publications are Changzhou calendar days: midnight China Standard Time.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), Domain.CreditCalendar.ChinaStandardTime);

    private static string Timestamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    internal static string Serialise(XDocument document)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
