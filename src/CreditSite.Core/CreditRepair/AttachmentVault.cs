using System.Security.Cryptography;

namespace CreditSite.CreditRepair;

/// <summary>A file that passed every check and the scan, held in memory until the request commits.</summary>
public sealed record CheckedAttachment(string OriginalName, byte[] Content, AttachmentType Type);

/// <summary>The attachments folder (<c>{Storage:DataPath}/attachments</c>, outside the web root): checks uploads
/// (count, size, type by content, ClamAV), writes accepted ones under random names, and reads them back.</summary>
public sealed class AttachmentVault(string folder, ClamAvScanner scanner)
{
    public string Folder => folder;

    /// <summary>Every upload checked and scanned, or a refusal for the first that fails: nothing is kept either way.</summary>
    public async Task<IReadOnlyList<CheckedAttachment>> CheckAsync(IReadOnlyList<AttachmentUpload> uploads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (uploads.Count > AttachmentRules.MaxFiles)
        {
            throw new RequestRefusalException(AttachmentRules.TooMany);
        }

        var checkedFiles = new List<CheckedAttachment>(uploads.Count);
        foreach (var upload in uploads)
        {
            var name = AttachmentRules.DisplayName(upload.FileName);
            var (content, type) = await AttachmentRules.ReadAsync(upload.Content, name, cancellationToken);
            var verdict = await scanner.ScanAsync(content, cancellationToken);
            if (!verdict.Clean)
            {
                throw new RequestRefusalException(verdict.Signature is null ? AttachmentRules.Unscannable : AttachmentRules.Infected(name));
            }

            checkedFiles.Add(new CheckedAttachment(SafeName(name, type), content, type));
        }

        return checkedFiles;
    }

    /// <summary>Writes the files under new random names; returns their rows (request id unset).</summary>
    public async Task<IReadOnlyList<RequestAttachment>> WriteAsync(IReadOnlyList<CheckedAttachment> files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(folder);
        var rows = new List<RequestAttachment>(files.Count);
        foreach (var file in files)
        {
            var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await File.WriteAllBytesAsync(Path.Combine(folder, name), file.Content, cancellationToken);
            rows.Add(new RequestAttachment
            {
                StoredName = name,
                OriginalName = file.OriginalName,
                ContentType = AttachmentRules.ContentType(file.Type),
                Size = file.Content.LongLength,
                UploadedAt = now,
            });
        }

        return rows;
    }

    /// <summary>Removes files written for a request that did not commit.</summary>
    public void Discard(IEnumerable<RequestAttachment> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            File.Delete(Path.Combine(folder, row.StoredName));
        }
    }

    public Stream Open(RequestAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return File.OpenRead(Path.Combine(folder, attachment.StoredName));
    }

    /// <summary>The display name with the extension of what the content is.</summary>
    private static string SafeName(string displayName, AttachmentType type)
    {
        var stem = Path.GetFileNameWithoutExtension(displayName);
        var extension = type switch { AttachmentType.Pdf => ".pdf", AttachmentType.Jpeg => ".jpg", _ => ".png" };
        return (stem.Length is 0 ? "未命名文件" : stem) + extension;
    }
}
