using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.CreditRepair;

/// <summary>The record a request is about, whichever table holds it: a public record (<see cref="PublicRecord"/>) or a
/// black-list entry (<see cref="ListEntry"/>). The desk, its effects and <see cref="DecidedRecords"/> work through this
/// one shape, so that repairs and objections act on both alike. Statuses are said in <see cref="RecordStatus"/>: a list
/// entry's 已退出 is <see cref="RecordStatus.Withdrawn"/>.</summary>
public abstract class RequestedRecord
{
    private protected RequestedRecord()
    {
    }

    public abstract RequestRecordKind Kind { get; }

    public abstract string RecordId { get; }

    public abstract SubjectType SubjectType { get; }

    public abstract string SubjectName { get; }

    public abstract string? Uscc { get; }

    public abstract string? LegalRepresentative { get; }

    public abstract string? ResidentIdHash { get; }

    public abstract string? MaskedIdNumber { get; }

    public abstract string SubjectKey { get; }

    public abstract string DecisionNumber { get; }

    public abstract DateOnly DecisionDate { get; }

    /// <summary>The last day in public view (null: no fixed end).</summary>
    public abstract DateOnly? PublicUntil { get; }

    /// <summary>The deciding department (处罚机关, 认定单位): whose desk a request goes to.</summary>
    public abstract string Department { get; }

    public abstract string? DepartmentUscc { get; }

    public abstract string? Field { get; }

    /// <summary>决定内容 (public records) or the entry's summary (失信行为).</summary>
    public abstract string Content { get; }

    public abstract RecordStatus Status { get; set; }

    public abstract string StatusLabel { get; }

    /// <summary>Its status takes it out of public view whatever the day.</summary>
    public abstract bool IsWithdrawn { get; }

    public abstract bool IsPublicOn(DateOnly today);

    /// <summary>A negative record (行政处罚, 黑名单), for which credit repair may be applied.</summary>
    public bool IsNegative => Kind is RequestRecordKind.Penalty or RequestRecordKind.BlackList;

    /// <summary>The catalogue's publication range for this record (null: no fixed period).</summary>
    public abstract PublicationRange? PublicationRange(CreditCatalogue catalogue);

    /// <summary>The earliest day credit repair may be applied for; null for records that are not negative.</summary>
    public DateOnly? RepairableFrom(CreditCatalogue catalogue) =>
        IsNegative ? PublicationRange(catalogue)?.RepairableFrom(DecisionDate) : null;

    /// <summary>The EF Core entity, whose change sequence a change moves.</summary>
    internal abstract object Entity { get; }

    internal abstract string Read(string field);

    internal abstract void Write(string field, string value);

    public static RequestedRecord Of(PublicRecord record) => new OfPublicRecord(record);

    public static RequestedRecord Of(ListEntry entry) => new OfListEntry(entry);

    /// <summary>The record, or null when there is none of that kind and id (a red-list entry is none).</summary>
    public static async Task<RequestedRecord?> FindAsync(CreditStore store, RequestRecordKind kind, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var context = store.CreateContext();
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await FindAsync(context, kind, recordId, cancellationToken);
    }

    /// <summary>The record as the context tracks it (changes to it are saved with the context).</summary>
    internal static async Task<RequestedRecord?> FindAsync(CreditDbContext context, RequestRecordKind kind, string recordId, CancellationToken cancellationToken)
    {
        if (kind.PublicKind() is { } recordKind)
        {
            var record = await context.PublicRecords.FirstOrDefaultAsync(r => r.Kind == recordKind && r.RecordId == recordId, cancellationToken);
            return record is null ? null : Of(record);
        }

        var entry = await context.ListEntries.FirstOrDefaultAsync(e => e.EntryId == recordId && e.Kind == ListKind.Black, cancellationToken);
        return entry is null ? null : Of(entry);
    }

    /// <summary>Every record about the subject, in public view or not — its public records and black-list entries —
    /// newest decision first: what 我的信用记录 lists.</summary>
    public static async Task<IReadOnlyList<RequestedRecord>> OfSubjectAsync(CreditStore store, string subjectKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var context = store.CreateContext();
        var records = await context.PublicRecords.AsNoTracking().Where(r => r.SubjectKey == subjectKey).ToListAsync(cancellationToken);
        var entries = await context.ListEntries.AsNoTracking().Where(e => e.SubjectKey == subjectKey && e.Kind == ListKind.Black).ToListAsync(cancellationToken);
        return [.. records.Select(Of).Concat(entries.Select(Of))
            .OrderByDescending(r => r.DecisionDate).ThenBy(r => r.Kind).ThenBy(r => r.RecordId, StringComparer.Ordinal)];
    }

    private sealed class OfPublicRecord(PublicRecord record) : RequestedRecord
    {
        public override RequestRecordKind Kind => record.Kind.ForRequest();

        public override string RecordId => record.RecordId;

        public override SubjectType SubjectType => record.SubjectType;

        public override string SubjectName => record.SubjectName;

        public override string? Uscc => record.Uscc;

        public override string? LegalRepresentative => record.LegalRepresentative;

        public override string? ResidentIdHash => record.ResidentIdHash;

        public override string? MaskedIdNumber => record.MaskedIdNumber;

        public override string SubjectKey => record.SubjectKey;

        public override string DecisionNumber => record.DecisionNumber;

        public override DateOnly DecisionDate => record.DecisionDate;

        public override DateOnly? PublicUntil => record.PublicUntil;

        public override string Department => record.Department;

        public override string? DepartmentUscc => record.DepartmentUscc;

        public override string? Field => record.Field;

        public override string Content => record.Content;

        public override RecordStatus Status { get => record.Status; set => record.Status = value; }

        public override string StatusLabel => record.Status.Label(record.Kind);

        public override bool IsWithdrawn => record.IsWithdrawn;

        public override bool IsPublicOn(DateOnly today) => record.IsPublicOn(today);

        public override PublicationRange? PublicationRange(CreditCatalogue catalogue) =>
            catalogue.RuleOf(record.Kind).RangeFor(record.Severity);

        internal override object Entity => record;

        internal override string Read(string field) => CorrectableFields.Read(record, field);

        internal override void Write(string field, string value) => CorrectableFields.Write(record, field, value);
    }

    private sealed class OfListEntry(ListEntry entry) : RequestedRecord
    {
        public override RequestRecordKind Kind => RequestRecordKind.BlackList;

        public override string RecordId => entry.EntryId;

        public override SubjectType SubjectType => entry.SubjectType;

        public override string SubjectName => entry.SubjectName;

        public override string? Uscc => entry.Uscc;

        public override string? LegalRepresentative => null;

        public override string? ResidentIdHash => entry.ResidentIdHash;

        public override string? MaskedIdNumber => entry.MaskedIdNumber;

        public override string SubjectKey => entry.SubjectKey;

        public override string DecisionNumber => entry.DecisionNumber;

        public override DateOnly DecisionDate => entry.DecisionDate;

        public override DateOnly? PublicUntil => entry.PublicUntil;

        public override string Department => entry.IssuingDepartment;

        public override string? DepartmentUscc => null;

        public override string? Field => entry.Field;

        public override string Content => entry.Summary;

        public override RecordStatus Status
        {
            get => entry.Status switch
            {
                EntryStatus.Active => RecordStatus.Active,
                EntryStatus.Repaired => RecordStatus.Repaired,
                EntryStatus.UnderObjection => RecordStatus.UnderObjection,
                _ => RecordStatus.Withdrawn,
            };
            set => entry.Status = value switch
            {
                RecordStatus.Active => EntryStatus.Active,
                RecordStatus.Repaired => EntryStatus.Repaired,
                RecordStatus.UnderObjection => EntryStatus.UnderObjection,
                RecordStatus.Withdrawn => EntryStatus.Exited,
                _ => throw new ArgumentOutOfRangeException(nameof(value), value, "A list entry has no such status."),
            };
        }

        public override string StatusLabel => entry.Status.Label();

        public override bool IsWithdrawn => entry.Status is EntryStatus.Exited or EntryStatus.Repaired;

        public override bool IsPublicOn(DateOnly today) => entry.IsPublicOn(today);

        public override PublicationRange? PublicationRange(CreditCatalogue catalogue) =>
            catalogue.RuleOf(ListKind.Black).RangeFor(entry.Severity);

        internal override object Entity => entry;

        internal override string Read(string field) => CorrectableFields.Read(entry, field);

        internal override void Write(string field, string value) => CorrectableFields.Write(entry, field, value);
    }
}
