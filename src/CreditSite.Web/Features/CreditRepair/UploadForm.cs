using System.Text;
using CreditSite.CreditRepair;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CreditSite.Web.Features.CreditRepair;

/// <summary>An applicant's form with attachments (repair, objection, 补正), read as a stream instead of through model
/// binding, so that a file over 10 MB is refused while it arrives: the rest of the body is not read, and the page answers
/// 400 with its form and a Chinese message instead of buffering the whole upload first.
/// <para>Anti-forgery: the docs' "Upload large files with streaming" sample
/// (https://learn.microsoft.com/aspnet/core/mvc/models/file-uploads#upload-large-files-with-streaming) disables form
/// model binding and hands the token to <see cref="IAntiforgery"/> in the <c>RequestVerificationToken</c> header, which
/// it reads before it would ever touch the body. A form without JavaScript cannot set a header, so the page writes the
/// token as the form's first field and this reader moves it to that header and validates it before reading any other
/// part; a request whose first part is not the token is refused as forged.</para></summary>
public sealed class UploadForm
{
    /// <summary>The name of the file input.</summary>
    public const string FileField = "Attachments";

    /// <summary>Five files of 10 MB and the form's text with its multipart headers. The pages set it as their body limit
    /// (<c>[RequestSizeLimit]</c>), above Kestrel's default of about 28.6 MB; Kestrel refuses a longer body (413).</summary>
    public const long MaxBodyBytes = (AttachmentRules.MaxFiles * AttachmentRules.MaxBytes) + (1024 * 1024);

    /// <summary>All text fields together, in characters: far above what the desk accepts (2,000 per statement).</summary>
    private const int MaxTextChars = 64 * 1024;

    public const string BodyTooLarge = "上传内容过大：每次最多上传 5 个附件，每个不超过 10 MB，请删减后重新提交。";
    public const string TextTooLong = "填写的内容过长，请精简后再提交。";
    public const string Malformed = "提交的表单数据不完整或格式有误，请重新填写并提交。";

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly List<AttachmentUpload> _files = [];
    private int _textChars;

    private UploadForm()
    {
    }

    public IReadOnlyList<AttachmentUpload> Files => _files;

    /// <summary>The anti-forgery token was missing, not first, or wrong: the page answers 400 without acting.</summary>
    public bool Forged { get; private set; }

    /// <summary>Why reading stopped, in Chinese (nothing was stored), with <see cref="StatusCode"/> 400 or 413.</summary>
    public string? Refusal { get; private set; }

    public int StatusCode { get; private set; } = StatusCodes.Status400BadRequest;

    /// <summary>A text field as sent (the fields before a refused file are kept, so the page can show them again).</summary>
    public string? this[string name] => _fields.GetValueOrDefault(name);

    public static async Task<UploadForm> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var form = new UploadForm();
        try
        {
            if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
                && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var options = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
                await form.ReadMultipartAsync(context, type, antiforgery, options, cancellationToken);
            }
            else
            {
                // A form without files (application/x-www-form-urlencoded) is read and checked the usual way.
                await antiforgery.ValidateRequestAsync(context);
                foreach (var (name, value) in await context.Request.ReadFormAsync(cancellationToken))
                {
                    form.AddText(name, value.ToString());
                }
            }
        }
        catch (AntiforgeryValidationException)
        {
            form.Forged = true;
        }
        catch (RequestRefusalException refusal)
        {
            form.Refusal = refusal.Message;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            form.Refusal = BodyTooLarge;
            form.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
        catch (InvalidDataException)
        {
            form.Refusal = Malformed;
        }

        return form;
    }

    private async Task ReadMultipartAsync(
        HttpContext context, MediaTypeHeaderValue type, IAntiforgery antiforgery, AntiforgeryOptions options, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        // RFC 2046: a boundary has 1 to 70 characters.
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            throw new InvalidDataException("The multipart boundary is missing or longer than 70 characters.");
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        var validated = false;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException("A multipart section is not form data.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (!validated)
            {
                if (name != options.FormFieldName || disposition.IsFileDisposition() || options.HeaderName is null)
                {
                    throw new AntiforgeryValidationException("The anti-forgery token is not the first field of the form.");
                }

                context.Request.Headers[options.HeaderName] = await ReadTextAsync(section.Body, cancellationToken);
                await antiforgery.ValidateRequestAsync(context);
                validated = true;
            }
            else if (!disposition.IsFileDisposition())
            {
                AddText(name, await ReadTextAsync(section.Body, cancellationToken));
            }
            else if (!await AddFileAsync(name, disposition, section.Body, cancellationToken))
            {
                // More files than the desk takes: it refuses them by count, so the rest of the body need not be read.
                break;
            }
        }

        if (!validated)
        {
            throw new AntiforgeryValidationException("The form carries no anti-forgery token.");
        }
    }

    /// <summary>Reads one file part through <see cref="AttachmentRules.ReadAsync"/>, which stops at 10 MB. False once
    /// the form holds one file more than <see cref="AttachmentRules.MaxFiles"/>.</summary>
    private async Task<bool> AddFileAsync(string name, ContentDispositionHeaderValue disposition, Stream body, CancellationToken cancellationToken)
    {
        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        // A file input left empty still sends a part, with an empty name and no content.
        if (name != FileField || string.IsNullOrEmpty(fileName))
        {
            return true;
        }

        if (_files.Count == AttachmentRules.MaxFiles)
        {
            _files.Add(new AttachmentUpload(fileName, Stream.Null));
            return false;
        }

        var (content, _) = await AttachmentRules.ReadAsync(body, AttachmentRules.DisplayName(fileName), cancellationToken);
        _files.Add(new AttachmentUpload(fileName, new MemoryStream(content, writable: false)));
        return true;
    }

    private void AddText(string name, string value)
    {
        _textChars += name.Length + value.Length;
        if (_textChars > MaxTextChars)
        {
            throw new RequestRefusalException(TextTooLong);
        }

        _fields[name] = value;
    }

    /// <summary>A text part, read no further than the text budget allows.</summary>
    private async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (_textChars + text.Length + read > MaxTextChars)
            {
                throw new RequestRefusalException(TextTooLong);
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
