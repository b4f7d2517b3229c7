using CreditSite.Domain;

namespace CreditSite.Search;

/// <summary>Wire codes of <see cref="DocumentType"/>, used in facet values, query strings and the JSON API.</summary>
public static class DocumentTypeText
{
    public static string Code(this DocumentType type) => type switch
    {
        DocumentType.ListEntry => "list_entry",
        DocumentType.RoleModel => "role_model",
        DocumentType.Policy => "policy",
        DocumentType.Announcement => "announcement",
        DocumentType.Licence => "licence",
        DocumentType.Penalty => "penalty",
        DocumentType.Commitment => "commitment",
        _ => "subject",
    };

    /// <summary>The document type of a public record of <paramref name="kind"/>.</summary>
    public static DocumentType Of(RecordKind kind) => kind switch
    {
        RecordKind.Licence => DocumentType.Licence,
        RecordKind.Penalty => DocumentType.Penalty,
        _ => DocumentType.Commitment,
    };

    /// <summary>The record kind of a public-record document type (null for the others).</summary>
    public static RecordKind? RecordKindOf(DocumentType type) => type switch
    {
        DocumentType.Licence => RecordKind.Licence,
        DocumentType.Penalty => RecordKind.Penalty,
        DocumentType.Commitment => RecordKind.Commitment,
        _ => null,
    };

    public static bool TryParseDocumentType(string? code, out DocumentType type)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "list_entry": type = DocumentType.ListEntry; return true;
            case "role_model": type = DocumentType.RoleModel; return true;
            case "policy": type = DocumentType.Policy; return true;
            case "announcement": type = DocumentType.Announcement; return true;
            case "licence": type = DocumentType.Licence; return true;
            case "penalty": type = DocumentType.Penalty; return true;
            case "commitment": type = DocumentType.Commitment; return true;
            case "subject": type = DocumentType.Subject; return true;
            default: type = default; return false;
        }
    }
}
