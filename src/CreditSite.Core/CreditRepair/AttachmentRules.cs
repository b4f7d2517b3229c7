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

    public const string TooLarge = "附件过大：每个文件不能超过 10 MB，请压缩或拆分后重新上传。";
    public const string TooMany = "附件过多：每个申请最多上传 5 个文件。";
    public const string WrongType = "附件格式不符：只接受 PDF、JPEG 或 PNG 文件（按文件内容识别，改扩展名无效）。";
    public const string Infected = "附件未通过病毒扫描，已被拒收，未保存任何内容。请检查文件后重新上传。";
    public const string Unscannable = "附件暂时无法完成病毒扫描，未保存任何内容，请稍后再试。";

    /// <summary>Reads one upload into memory, refusing it as soon as it passes <see cref="MaxBytes"/> (the rest of the
    /// body is never read), or when its content is not an accepted type.</summary>
    public static async Task<(byte[] Content, AttachmentType Type)> ReadAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new RequestRefusalException(TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var content = buffer.ToArray();
        return Recognise(content.AsSpan(0, Math.Min(content.Length, SniffLength))) is { } type
            ? (content, type)
            : throw new RequestRefusalException(WrongType);
    }
}
