namespace CreditSite.CreditRepair;

/// <summary>A file attached to a request: scanned clean, stored outside the web root under a random name
/// (<see cref="StoredName"/>), downloadable only by the applicant and the deciding department.</summary>
public sealed class RequestAttachment
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    /// <summary>32 random hex characters: the file's name in the attachments folder. Never the uploaded name.</summary>
    public required string StoredName { get; set; }

    /// <summary>The uploaded name, for the download's Content-Disposition only.</summary>
    public required string OriginalName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An upload as the page hands it over: its name and its body, read by <see cref="AttachmentVault"/>.</summary>
public sealed record AttachmentUpload(string FileName, Stream Content);
