namespace CreditSite.CreditRepair;

/// <summary>The file types a request may carry, recognised by their first bytes (never by name or declared type).</summary>
public enum AttachmentType
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>What an attachment must be: PDF, JPEG or PNG by content, at most 10 MB, at most 5 per request.</summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    /// <summary>Enough leading bytes to recognise every accepted type.</summary>
    public const int SniffLength = 8;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static AttachmentType? Recognise(ReadOnlySpan<byte> head) =>
        head.StartsWith(PdfMagic) ? AttachmentType.Pdf
        : head.StartsWith(PngMagic) ? AttachmentType.Png
        : head.StartsWith(JpegMagic) ? AttachmentType.Jpeg
        : null;

    public static string ContentType(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "application/pdf",
        AttachmentType.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    /// <summary>Refusals name the file as the applicant chose it (<see cref="DisplayName"/>), so they know which one to fix.</summary>
    public static string TooLarge(string displayName) => $"附件“{displayName}”超过 10 MB：每个文件不能超过 10 MB，请压缩或拆分后重新上传。";

    public const string TooMany = "附件过多：每次提交最多上传 5 个文件。";

    public static string WrongType(string displayName) =>
        $"附件“{displayName}”格式不符：只接受 PDF、JPEG 或 PNG 文件（按文件内容识别，改扩展名无效）。";

    public static string Infected(string displayName) => $"附件“{displayName}”未通过病毒扫描，已被拒收，未保存任何内容。请检查文件后重新上传。";

    public const string Unscannable = "附件暂时无法完成病毒扫描，未保存任何内容，请稍后再试。";

    /// <summary>The uploaded name without any folder part or control characters, at most 80 characters: what pages
    /// show and the download is named after (未命名文件 when nothing is left). Never used as a name on disk.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or ';'))]).Trim();
        return name.Length is 0 ? "未命名文件" : name.Length > 80 ? name[..80] : name;
    }

    /// <summary>Reads one upload into memory, refusing it as soon as it passes <see cref="MaxBytes"/> (the rest of the
    /// body is never read), or when its content is not an accepted type.</summary>
    public static async Task<(byte[] Content, AttachmentType Type)> ReadAsync(
        Stream upload, string displayName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new RequestRefusalException(TooLarge(displayName));
            }

            buffer.Write(chunk, 0, read);
        }

        var content = buffer.ToArray();
        return Recognise(content.AsSpan(0, Math.Min(content.Length, SniffLength))) is { } type
            ? (content, type)
            : throw new RequestRefusalException(WrongType(displayName));
    }
}
