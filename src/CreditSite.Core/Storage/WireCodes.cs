using CreditSite.Domain;

namespace CreditSite.Storage;

/// <summary>Enum columns hold the wire codes (<c>red</c>, <c>natural_person</c> …) rather than numbers, so the tables
/// read the same as the import files. These helpers are the converters EF Core's expression trees can call.</summary>
internal static class WireCodes
{
    public static string Of(ListKind value) => value.Code();

    public static string Of(SubjectType value) => value.Code();

    public static string Of(Severity value) => value.Code();

    public static string Of(EntryStatus value) => value.Code();

    public static ListKind ListKindOf(string code) =>
        DomainText.TryParseListKind(code, out var value) ? value : throw Unknown(code, "list_kind");

    public static SubjectType SubjectTypeOf(string code) =>
        DomainText.TryParseSubjectType(code, out var value) ? value : throw Unknown(code, "subject_type");

    public static Severity SeverityOf(string code) =>
        DomainText.TryParseSeverity(code, out var value) ? value : throw Unknown(code, "severity");

    public static EntryStatus StatusOf(string code) =>
        DomainText.TryParseStatus(code, out var value) ? value : throw Unknown(code, "status");

    private static InvalidOperationException Unknown(string code, string column) =>
        new($"The store holds an unknown {column} code '{code}'.");
}
