namespace CreditSite.Search;

/// <summary>Wire codes of <see cref="DocumentType"/>, used in facet values, query strings and the JSON API.</summary>
public static class DocumentTypeText
{
    public static string Code(this DocumentType type) => type switch
    {
        DocumentType.ListEntry => "list_entry",
        DocumentType.RoleModel => "role_model",
        DocumentType.Policy => "policy",
        _ => "announcement",
    };

    public static bool TryParseDocumentType(string? code, out DocumentType type)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "list_entry": type = DocumentType.ListEntry; return true;
            case "role_model": type = DocumentType.RoleModel; return true;
            case "policy": type = DocumentType.Policy; return true;
            case "announcement": type = DocumentType.Announcement; return true;
            default: type = default; return false;
        }
    }
}
