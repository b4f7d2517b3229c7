using CreditSite.Domain;

namespace CreditSite.Storage;

/// <summary>A table as the bulk writers see it: its columns in the order they are sent, its key, and the columns an
/// upsert leaves alone on a row that exists (a record's first import time).</summary>
internal sealed class BulkTable(string name, string[] columns, string[] key, string[] keptOnUpdate)
{
    public const int ProgressEvery = 5_000;

    public string Name { get; } = name;

    public IReadOnlyList<string> Columns { get; } = columns;

    public string ColumnList { get; } = string.Join(", ", columns);

    /// <summary><c>INSERT … ON CONFLICT (key) DO UPDATE SET …</c> from <paramref name="source"/> (a parameter list in
    /// parentheses, or a <c>SELECT</c>).</summary>
    public string Upsert(string source) =>
        $"INSERT INTO {Name} ({ColumnList}) {source} ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET " +
        string.Join(", ", columns.Except(key).Except(keptOnUpdate).Select(c => $"{c} = excluded.{c}"));
}

/// <summary>The columns of <c>public_records</c> and <c>registry_subjects</c> in the order both bulk writers send them,
/// as <see cref="PublicRecordModel"/> maps them (wire codes for enums, <c>;</c>-joined lists).</summary>
internal static class RecordColumns
{
    public static readonly BulkTable PublicRecords = new(
        "public_records",
        [
            "kind", "record_id", "subject_type", "subject_name", "uscc", "legal_representative", "resident_id_hash",
            "masked_id_number", "subject_key", "decision_number", "decision_date", "public_until", "department",
            "department_uscc", "source_department", "field", "content", "status", "violation_type", "facts", "legal_basis",
            "penalty_types", "fine_amount", "confiscated_amount", "licence_affected", "severity", "simplified_procedure",
            "decision_title", "category", "certificate_name", "certificate_number", "valid_from", "valid_to", "unpublished",
            "imported_at", "first_imported_at", "change_seq",
        ],
        ["kind", "record_id"],
        ["first_imported_at"]);

    public static readonly BulkTable RegistrySubjects = new(
        "registry_subjects",
        [
            "uscc", "name", "former_names", "entity_type", "legal_representative", "registered_on", "registration_authority",
            "address", "status", "imported_at", "change_seq",
        ],
        ["uscc"],
        []);

    /// <summary>The values of <see cref="PublicRecords"/>' columns, into <paramref name="values"/> (reused per row).</summary>
    public static void Fill(PublicRecord r, long seq, object?[] values)
    {
        values[0] = r.Kind.Code();
        values[1] = r.RecordId;
        values[2] = r.SubjectType.Code();
        values[3] = r.SubjectName;
        values[4] = r.Uscc;
        values[5] = r.LegalRepresentative;
        values[6] = r.ResidentIdHash;
        values[7] = r.MaskedIdNumber;
        values[8] = r.SubjectKey;
        values[9] = r.DecisionNumber;
        values[10] = r.DecisionDate;
        values[11] = r.PublicUntil;
        values[12] = r.Department;
        values[13] = r.DepartmentUscc;
        values[14] = r.SourceDepartment;
        values[15] = r.Field;
        values[16] = r.Content;
        values[17] = r.Status.Code();
        values[18] = r.ViolationType;
        values[19] = r.Facts;
        values[20] = r.LegalBasis;
        values[21] = PublicRecordModel.Join(r.PenaltyTypes);
        values[22] = r.FineAmount;
        values[23] = r.ConfiscatedAmount;
        values[24] = r.LicenceAffected;
        values[25] = r.Severity?.Code();
        values[26] = r.SimplifiedProcedure;
        values[27] = r.DecisionTitle;
        values[28] = r.Category;
        values[29] = r.CertificateName;
        values[30] = r.CertificateNumber;
        values[31] = r.ValidFrom;
        values[32] = r.ValidTo;
        values[33] = r.Unpublished;
        values[34] = r.ImportedAt;
        values[35] = r.FirstImportedAt;
        values[36] = seq;
    }

    /// <summary>The values of <see cref="RegistrySubjects"/>' columns, into <paramref name="values"/> (reused per row).</summary>
    public static void Fill(RegistrySubject s, long seq, object?[] values)
    {
        values[0] = s.Uscc;
        values[1] = s.Name;
        values[2] = PublicRecordModel.Join(s.FormerNames);
        values[3] = s.EntityType;
        values[4] = s.LegalRepresentative;
        values[5] = s.RegisteredOn;
        values[6] = s.RegistrationAuthority;
        values[7] = s.Address;
        values[8] = s.Status;
        values[9] = s.ImportedAt;
        values[10] = seq;
    }
}
