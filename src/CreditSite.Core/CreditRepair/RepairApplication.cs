using CreditSite.Domain;

namespace CreditSite.CreditRepair;

/// <summary>Who is applying: the subject key of the person, or of the organisation a representative acts for, and the
/// signed-in person's name.</summary>
public sealed record Applicant(string SubjectKey, string Name);

/// <summary>An application for credit repair of one record.</summary>
public sealed record RepairApplication(
    RequestRecordKind RecordKind, string RecordId, Applicant Applicant, string ContactPhone, string Rectification, bool CommitmentAccepted)
{
    public RepairApplication(RecordKind recordKind, string recordId, Applicant applicant, string contactPhone, string rectification, bool commitmentAccepted)
        : this(recordKind.ForRequest(), recordId, applicant, contactPhone, rectification, commitmentAccepted)
    {
    }
}

/// <summary>An objection to one field of one record.</summary>
public sealed record ObjectionApplication(
    RequestRecordKind RecordKind, string RecordId, Applicant Applicant, string ContactPhone, string Field, string Reason)
{
    public ObjectionApplication(RecordKind recordKind, string recordId, Applicant applicant, string contactPhone, string field, string reason)
        : this(recordKind.ForRequest(), recordId, applicant, contactPhone, field, reason)
    {
    }
}

/// <summary>The number and the query code handed to the applicant once: the code is stored only as a hash.</summary>
public sealed record SubmittedRequest(string Number, string QueryCode);

/// <summary>A member of a department's staff acting on the desk.</summary>
public sealed record StaffMember(string Name, string Department);
