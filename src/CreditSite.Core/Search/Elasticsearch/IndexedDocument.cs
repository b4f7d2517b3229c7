using System.Text.Json.Serialization;
using CreditSite.Domain;

namespace CreditSite.Search.Elasticsearch;

/// <summary>The <c>_source</c> of one document in the index: <see cref="SearchDocument"/> with wire codes for enums
/// and snake_case names that match <see cref="DocumentIndex"/>'s strict mapping.</summary>
internal sealed class IndexedDocument
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("type")] public string Type { get; set; } = string.Empty;
    [JsonPropertyName("title")] public string Title { get; set; } = string.Empty;
    [JsonPropertyName("body")] public string Body { get; set; } = string.Empty;
    [JsonPropertyName("url")] public string Url { get; set; } = string.Empty;
    [JsonPropertyName("date")] public DateOnly Date { get; set; }

    /// <summary>What a grouped search collapses on (<see cref="DocumentIndex.GroupKeyField"/>); derived, not read back.</summary>
    [JsonPropertyName("group_key")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? GroupKey { get; set; }

    [JsonPropertyName("entry_id")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? EntryId { get; set; }
    [JsonPropertyName("list_kind")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ListKind { get; set; }
    [JsonPropertyName("subject_type")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SubjectType { get; set; }
    [JsonPropertyName("subject_name")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SubjectName { get; set; }
    [JsonPropertyName("subject_key")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SubjectKey { get; set; }
    [JsonPropertyName("uscc")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Uscc { get; set; }
    [JsonPropertyName("resident_id_hash")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ResidentIdHash { get; set; }
    [JsonPropertyName("masked_id_number")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? MaskedIdNumber { get; set; }
    [JsonPropertyName("field")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Field { get; set; }
    [JsonPropertyName("issuing_department")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? IssuingDepartment { get; set; }
    [JsonPropertyName("decision_number")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DecisionNumber { get; set; }
    [JsonPropertyName("public_until")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? PublicUntil { get; set; }
    [JsonPropertyName("severity")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Severity { get; set; }
    [JsonPropertyName("status")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; set; }
    [JsonPropertyName("legal_basis")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalBasis { get; set; }
    [JsonPropertyName("summary")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Summary { get; set; }
    [JsonPropertyName("category")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Category { get; set; }
    [JsonPropertyName("record_status")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RecordStatus { get; set; }

    /// <summary>Written only when true: documents without it (list entries, content) have the same source as before the
    /// field existed.</summary>
    [JsonPropertyName("withdrawn")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Withdrawn { get; set; }

    [JsonPropertyName("penalty_types")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? PenaltyTypes { get; set; }
    [JsonPropertyName("former_names")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? FormerNames { get; set; }

    public static IndexedDocument From(SearchDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new IndexedDocument
        {
            Id = d.Id,
            Type = DocumentTypeText.Code(d.Type),
            Title = d.Title,
            Body = d.Body,
            Url = d.Url,
            Date = d.Date,
            EntryId = d.EntryId,
            ListKind = d.ListKind?.Code(),
            SubjectType = d.SubjectType?.Code(),
            SubjectName = d.SubjectName,
            SubjectKey = d.SubjectKey,
            GroupKey = GroupKeyOf(d),
            Uscc = d.Uscc,
            ResidentIdHash = d.ResidentIdHash,
            MaskedIdNumber = d.MaskedIdNumber,
            Field = d.Field,
            IssuingDepartment = d.IssuingDepartment,
            DecisionNumber = d.DecisionNumber,
            PublicUntil = d.PublicUntil,
            Severity = d.Severity?.Code(),
            Status = d.Status?.Code(),
            LegalBasis = d.LegalBasis,
            Category = d.Category,
            Summary = d.Summary,
            RecordStatus = d.RecordStatus?.Code(),
            Withdrawn = d.Withdrawn ? true : null,
            PenaltyTypes = d.PenaltyTypes is { Count: > 0 } types ? [.. types] : null,
            FormerNames = d.FormerNames is { Count: > 0 } names ? [.. names] : null,
        };
    }

    /// <summary>The subject's key, or the document's id for a document about no subject (its own row).</summary>
    public static string GroupKeyOf(SearchDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return string.IsNullOrEmpty(d.SubjectKey) ? d.Id : d.SubjectKey;
    }

    public SearchDocument ToSearchDocument() => new()
    {
        Id = Id,
        Type = DocumentTypeText.TryParseDocumentType(Type, out var type) ? type : DocumentType.Policy,
        Title = Title,
        Body = Body,
        Url = Url,
        Date = Date,
        EntryId = EntryId,
        ListKind = DomainText.TryParseListKind(ListKind, out var kind) ? kind : null,
        SubjectType = DomainText.TryParseSubjectType(SubjectType, out var subjectType) ? subjectType : null,
        SubjectName = SubjectName,
        SubjectKey = SubjectKey,
        Uscc = Uscc,
        ResidentIdHash = ResidentIdHash,
        MaskedIdNumber = MaskedIdNumber,
        Field = Field,
        IssuingDepartment = IssuingDepartment,
        DecisionNumber = DecisionNumber,
        PublicUntil = PublicUntil,
        Severity = DomainText.TryParseSeverity(Severity, out var severity) ? severity : null,
        Status = DomainText.TryParseStatus(Status, out var status) ? status : null,
        LegalBasis = LegalBasis,
        Category = Category,
        Summary = Summary,
        RecordStatus = RecordText.TryParseRecordStatus(RecordStatus, out var recordStatus) ? recordStatus : null,
        Withdrawn = Withdrawn == true,
        PenaltyTypes = PenaltyTypes is { Count: > 0 } ? PenaltyTypes : null,
        FormerNames = FormerNames is { Count: > 0 } ? FormerNames : null,
    };
}
