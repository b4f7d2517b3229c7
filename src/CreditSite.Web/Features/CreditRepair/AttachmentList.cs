using System.Globalization;
using CreditSite.CreditRepair;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>A request's attachments as a page lists them (_Attachments.cshtml): linked under
/// <paramref name="LinkBase"/> for whoever may download them, named only for anyone else.</summary>
public sealed record AttachmentList(RepairRequest Request, string? LinkBase)
{
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
