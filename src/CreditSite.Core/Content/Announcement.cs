using CreditSite.Domain;

namespace CreditSite.Content;

/// <summary>公示公告: the publication of a batch of list decisions, or another public notice.</summary>
public sealed record Announcement : ContentPage
{
    /// <summary>The department publishing it.</summary>
    public required string Issuer { get; init; }

    /// <summary>Set when the announcement publishes red or black list decisions.</summary>
    public ListKind? ListKind { get; init; }

    /// <summary>The <c>entry_id</c>s of the list entries it publishes.</summary>
    public IReadOnlyList<string> EntryIds { get; init; } = [];

    public override string Url => "/announcements/" + Slug;
}
