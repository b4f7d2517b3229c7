namespace CreditSite.Content;

/// <summary>政策法规: a notice or one of its attachments.</summary>
public sealed record Policy : ContentPage
{
    /// <summary>发文单位.</summary>
    public required string Issuer { get; init; }

    /// <summary>文号, when the document has one.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>索引号 in the open-government catalogue, when one has been assigned (never made up).</summary>
    public string? IndexNumber { get; init; }

    /// <summary>主题分类, e.g. 综合政务/社会信用体系建设.</summary>
    public string? Topic { get; init; }

    /// <summary>成文日期; the publication date (<see cref="ContentPage.Date"/>) can be later.</summary>
    public DateOnly? WrittenOn { get; init; }

    /// <summary>有效性: one of <see cref="Validities"/>.</summary>
    public string? Validity { get; init; }

    public static readonly IReadOnlyList<string> Validities = ["有效", "失效", "废止"];

    /// <summary>Slug of the notice this attachment belongs to; null for a notice.</summary>
    public string? ParentSlug { get; init; }

    /// <summary>附件 number (1..) within the parent notice.</summary>
    public int? AttachmentNumber { get; init; }

    /// <summary>Higher-level documents this policy implements.</summary>
    public IReadOnlyList<RelatedDocument> RelatedDocuments { get; init; } = [];

    /// <summary>The task items in document order.</summary>
    public IReadOnlyList<PolicyTask> Tasks { get; init; } = [];

    public override string Url => "/policies/" + Slug;
}

/// <summary>A higher-level document, e.g. 国务院关于加强政务诚信建设的指导意见 (国发〔2016〕76号).</summary>
public sealed record RelatedDocument(string Title, string? Number);

/// <summary>One numbered task of an attachment with the departments responsible for it.</summary>
public sealed record PolicyTask(
    string Section,
    string Number,
    string Title,
    IReadOnlyList<string> LeadDepartments,
    IReadOnlyList<string> CooperatingDepartments)
{
    /// <summary>牵头单位 / 责任单位.</summary>
    public bool IsLedBy(string department) => LeadDepartments.Contains(department, StringComparer.Ordinal);

    /// <summary>配合单位.</summary>
    public bool IsCooperatedOnBy(string department) => CooperatingDepartments.Contains(department, StringComparer.Ordinal);
}
