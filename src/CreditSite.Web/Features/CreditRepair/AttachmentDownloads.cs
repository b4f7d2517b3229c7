using CreditSite.CreditRepair;
using CreditSite.Web.Features.SignIn;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>Downloads of a request's attachments: <c>/requests/{number}/attachments/{id}</c> for the applicant (the
/// signed-in person or the organisation they represent), <c>/desk/{number}/attachments/{id}</c> for staff of the
/// department that decides the request. Anyone else, the credit office included, gets 404, as for an unknown file.</summary>
public static class AttachmentDownloads
{
    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder app)
    {
        // Downloads behind the site's sign-in, not part of the platform API that /openapi/v1.json describes.
        app.MapGet("/requests/{number}/attachments/{id:long}", ForApplicantAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/desk/{number}/attachments/{id:long}", ForDepartmentAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ForApplicantAsync(
        string number, long id, HttpContext context, CreditRepairDesk desk, RequestSubjects subjects, CancellationToken cancellationToken)
    {
        foreach (var subject in subjects.Of(CreditUser.From(context.User)!))
        {
            if (await desk.OpenAttachmentAsync(number, id, subject.Key, null, cancellationToken) is { } opened)
            {
                return Send(context, opened.Attachment, opened.Content);
            }
        }

        return Results.NotFound();
    }

    private static async Task<IResult> ForDepartmentAsync(string number, long id, HttpContext context, CreditRepairDesk desk, CancellationToken cancellationToken) =>
        CreditUser.From(context.User)!.Department is { } department
        && await desk.OpenAttachmentAsync(number, id, null, department, cancellationToken) is { } opened
            ? Send(context, opened.Attachment, opened.Content)
            : Results.NotFound();

    /// <summary>Always a download under the uploaded name (<c>filename*=UTF-8''…</c>), never rendered or sniffed by the
    /// browser as something else, never kept in a cache: it may hold personal data.</summary>
    private static IResult Send(HttpContext context, RequestAttachment attachment, Stream content)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, attachment.ContentType, attachment.OriginalName);
    }
}
