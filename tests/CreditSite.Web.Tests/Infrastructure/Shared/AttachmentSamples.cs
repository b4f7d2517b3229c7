namespace CreditSite.Tests.Shared;

/// <summary>Files for the attachment tests of both projects.</summary>
internal static class AttachmentSamples
{
    /// <summary>A small PDF: accepted by type and clean to clamd.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>The PNG signature and the start of its header chunk.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>The JPEG start-of-image and JFIF markers.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];

    /// <summary>Starts like a PDF, so only the scan can refuse it, and carries the EICAR test string.</summary>
    public static byte[] InfectedPdf => [.. Pdf, .. ClamdServer.Eicar];

    /// <summary>The first bytes of a Windows executable (MZ), whatever name it is given.</summary>
    public static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    /// <summary>A PDF header followed by spaces, <paramref name="megabytes"/> MB long.</summary>
    public static byte[] PdfOfMegabytes(int megabytes)
    {
        var content = new byte[megabytes * 1024 * 1024];
        Array.Fill(content, (byte)' ');
        Pdf.CopyTo(content, 0);
        return content;
    }
}
