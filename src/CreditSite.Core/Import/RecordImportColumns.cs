using CreditSite.Domain;

namespace CreditSite.Import;

/// <summary>The columns of the public-record import files — 行政处罚, 行政许可, 信用承诺 — and of registry records
/// (基础信息). The Chinese names of the national 双公示 data standard are in docs/import-format.md.</summary>
public static class RecordImportColumns
{
    public const string RecordId = "record_id";
    public const string SubjectType = "subject_type";
    public const string SubjectName = "subject_name";
    public const string Uscc = "uscc";
    public const string LegalRepresentative = "legal_representative";
    public const string IdNumber = "id_number";
    public const string Field = "field";
    public const string DecisionNumber = "decision_number";
    public const string DecisionDate = "decision_date";
    public const string Content = "content";
    public const string PublicUntil = "public_until";
    public const string Department = "department";
    public const string DepartmentUscc = "department_uscc";
    public const string SourceDepartment = "source_department";
    public const string Status = "status";

    // 行政处罚.
    public const string ViolationType = "violation_type";
    public const string Facts = "facts";
    public const string LegalBasis = "legal_basis";
    public const string PenaltyTypes = "penalty_types";
    public const string FineAmount = "fine_amount";
    public const string ConfiscatedAmount = "confiscated_amount";
    public const string LicenceAffected = "licence_affected";
    public const string Severity = "severity";
    public const string SimplifiedProcedure = "simplified_procedure";

    // 行政许可.
    public const string DecisionTitle = "decision_title";
    public const string LicenceCategory = "licence_category";
    public const string CertificateName = "certificate_name";
    public const string CertificateNumber = "certificate_number";
    public const string ValidFrom = "valid_from";
    public const string ValidTo = "valid_to";

    // 信用承诺.
    public const string CommitmentType = "commitment_type";
    public const string MadeOn = "made_on";
    public const string AcceptedBy = "accepted_by";

    // 基础信息.
    public const string Name = "name";
    public const string FormerNames = "former_names";
    public const string EntityType = "entity_type";
    public const string RegisteredOn = "registered_on";
    public const string RegistrationAuthority = "registration_authority";
    public const string Address = "address";

    public static readonly ImportColumns Penalty = new(
        RecordId,
        [
            RecordId, SubjectType, SubjectName, Uscc, LegalRepresentative, IdNumber, DecisionNumber, ViolationType, Facts,
            LegalBasis, PenaltyTypes, Content, FineAmount, ConfiscatedAmount, LicenceAffected, DecisionDate, Severity,
            SimplifiedProcedure, PublicUntil, Department, DepartmentUscc, SourceDepartment, Field, Status,
        ],
        [
            RecordId, SubjectType, SubjectName, DecisionNumber, ViolationType, Facts, LegalBasis, PenaltyTypes, Content,
            DecisionDate, Severity, Department, Status,
        ],
        [PenaltyTypes]);

    public static readonly ImportColumns Licence = new(
        RecordId,
        [
            RecordId, SubjectType, SubjectName, Uscc, LegalRepresentative, IdNumber, DecisionTitle, DecisionNumber,
            LicenceCategory, CertificateName, CertificateNumber, Content, DecisionDate, ValidFrom, ValidTo, Department,
            DepartmentUscc, SourceDepartment, Field, Status,
        ],
        [RecordId, SubjectType, SubjectName, DecisionTitle, DecisionNumber, LicenceCategory, Content, DecisionDate, Department, Status]);

    public static readonly ImportColumns Commitment = new(
        RecordId,
        [RecordId, SubjectType, SubjectName, Uscc, IdNumber, CommitmentType, Content, MadeOn, AcceptedBy, PublicUntil, Field, Status],
        [RecordId, SubjectType, SubjectName, CommitmentType, Content, MadeOn, AcceptedBy, Status]);

    public static readonly ImportColumns Subject = new(
        Uscc,
        [Uscc, Name, FormerNames, EntityType, LegalRepresentative, RegisteredOn, RegistrationAuthority, Address, Status],
        [Uscc, Name, Status],
        [FormerNames]);

    public static ImportColumns Of(RecordKind kind) => kind switch
    {
        RecordKind.Licence => Licence,
        RecordKind.Penalty => Penalty,
        _ => Commitment,
    };
}
