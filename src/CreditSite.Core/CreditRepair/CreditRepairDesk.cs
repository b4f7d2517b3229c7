using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditSite.CreditRepair;

/// <summary>Credit repair (信用修复) and objections (异议): the applicant's side, the reads of both sides, and the
/// deadlines; staff actions are in <c>CreditRepairDesk.Staff.cs</c>. Every change commits in one transaction under the
/// store's import lock, together with its audit line and its effect on the record (a new change sequence, so the
/// indexer and the change feed see it as they see an import).</summary>
public sealed partial class CreditRepairDesk(
    CreditStore store, CreditCatalogue catalogue, WorkdayCalendar calendar, IOptions<CreditRepairOptions> options, TimeProvider time,
    AttachmentVault? vault = null)
{
    private readonly CreditRepairOptions _options = options.Value;

    public CreditCatalogue Catalogue => catalogue;

    public WorkdayCalendar Calendar => calendar;

    public DateOnly Today => CreditCalendar.Today(time);

    /// <summary>Working days left to <see cref="RepairRequest.DueOn"/> (negative when overdue), or the paused
    /// remainder while returned, or null once decided.</summary>
    public int? WorkingDaysLeft(RepairRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.DueOn is { } due ? calendar.WorkingDaysBetween(Today, due) : request.PausedDaysLeft;
    }

    public async Task<SubmittedRequest> SubmitRepairAsync(
        RepairApplication application, IReadOnlyList<AttachmentUpload>? attachments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var phone = CheckPhone(application.ContactPhone);
        var statement = CheckText(application.Rectification, "请填写整改情况（已纠正失信行为、履行法定责任和义务的情况）。");
        if (!application.CommitmentAccepted)
        {
            throw new RequestRefusalException("请阅读并勾选接受《信用修复承诺书》后再提交。");
        }

        var files = await CheckAttachmentsAsync(attachments, cancellationToken);
        return await SubmitAsync(RequestKind.Repair, application.RecordKind, application.RecordId, application.Applicant, phone, statement, null,
            record => RepairEligibility.Refusal(catalogue, record, Today), files, cancellationToken);
    }

    public async Task<SubmittedRequest> SubmitObjectionAsync(
        ObjectionApplication application, IReadOnlyList<AttachmentUpload>? attachments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var phone = CheckPhone(application.ContactPhone);
        if (!CorrectableFields.IsKnown(application.RecordKind, application.Field))
        {
            throw new RequestRefusalException("请选择记录中有误的字段。");
        }

        var statement = CheckText(application.Reason, "请说明该字段错误的理由。");
        var files = await CheckAttachmentsAsync(attachments, cancellationToken);
        return await SubmitAsync(RequestKind.Objection, application.RecordKind, application.RecordId, application.Applicant, phone, statement,
            application.Field, _ => null, files, cancellationToken);
    }

    private async Task<SubmittedRequest> SubmitAsync(
        RequestKind kind, RequestRecordKind recordKind, string recordId, Applicant applicant, string phone, string statement, string? field,
        Func<RequestedRecord, string?> refusal, IReadOnlyList<CheckedAttachment> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var now = time.GetUtcNow().ToUniversalTime();
        var number = RequestCodes.NewNumber(kind, now);
        var code = RequestCodes.NewQueryCode();
        await ChangeWithFilesAsync(files, now, async context =>
        {
            var record = await RequestedRecord.FindAsync(context, recordKind, recordId, cancellationToken);
            if (record is null || record.SubjectKey != applicant.SubjectKey)
            {
                throw new RequestRefusalException("未找到该记录，或该记录不属于您（您本人或您所代表的单位）。") { IsNotFound = true };
            }

            if (refusal(record) is { } reason)
            {
                throw new RequestRefusalException(reason);
            }

            if (await context.Set<RepairRequest>().AnyAsync(
                    r => r.RecordKind == recordKind && r.RecordId == recordId
                         && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Accepted || r.Status == RequestStatus.Returned),
                    cancellationToken))
            {
                throw new RequestRefusalException("该记录已有正在处理中的申请，请在“我的申请”中查看进度，待处理完毕后再提交。");
            }

            var request = new RepairRequest
            {
                Number = number,
                QueryCodeHash = RequestCodes.HashQueryCode(number, code),
                Kind = kind,
                RecordKind = recordKind,
                RecordId = recordId,
                Department = record.Department,
                DepartmentUscc = record.DepartmentUscc,
                ApplicantSubjectKey = applicant.SubjectKey,
                ApplicantName = applicant.Name,
                ContactPhone = phone,
                Statement = statement,
                ObjectionField = field,
                CommitmentAccepted = kind == RequestKind.Repair,
                Status = RequestStatus.Submitted,
                SubmittedAt = now,
                DueOn = calendar.AddWorkingDays(Today, _options.AcceptanceWorkingDays),
                Version = 1,
            };
            request.Events.Add(new RequestEvent { Step = RequestStep.Submitted, At = now, Actor = applicant.Name });
            context.Add(request);
            if (kind == RequestKind.Objection)
            {
                // 异议处理中 wherever the record appears, until the objection is decided. A record out of view (repaired,
                // exited, withdrawn) stays out of view: 异议处理中 is a public status and would publish it again.
                request.RecordStatusBefore = record.Status;
                if (!record.IsWithdrawn)
                {
                    await RecordEffects.SetStatusAsync(context, record, RecordStatus.UnderObjection, $"异议申诉 {number}", now, cancellationToken);
                }
            }

            Audit(context, now, applicant.Name, null, "submit", number,
                $"{kind.Label()}：{recordKind.Label()} {recordId}" + (field is null ? string.Empty : $"，异议字段 {CorrectableFields.Label(recordKind, field)}")
                + (files.Count == 0 ? string.Empty : $"，附件 {files.Count} 个"));
            return request;
        }, cancellationToken);

        return new SubmittedRequest(number, code);
    }

    private async Task<IReadOnlyList<CheckedAttachment>> CheckAttachmentsAsync(IReadOnlyList<AttachmentUpload>? uploads, CancellationToken cancellationToken)
    {
        if (uploads is not { Count: > 0 })
        {
            return [];
        }

        return vault is null
            ? throw new InvalidOperationException("Attachments need an AttachmentVault (CreditRepairServices registers one).")
            : await vault.CheckAsync(uploads, cancellationToken);
    }

    /// <summary>An attachment and its content, for the applicant (<paramref name="subjectKey"/>) or the deciding
    /// department (<paramref name="department"/>); null for anyone else.</summary>
    public async Task<(RequestAttachment Attachment, Stream Content)?> OpenAttachmentAsync(
        string number, long attachmentId, string? subjectKey, string? department, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var request = await ReadAsync(context, number, cancellationToken);
        if (vault is null || request is null
            || !((subjectKey is not null && request.ApplicantSubjectKey == subjectKey) || (department is not null && request.Department == department)))
        {
            return null;
        }

        return request.Attachments.FirstOrDefault(a => a.Id == attachmentId) is { } attachment ? (attachment, vault.Open(attachment)) : null;
    }

    /// <summary>The applicant sends the material a department asked for (补正), with files checked like the
    /// application's: the clock resumes with the working days it had left.</summary>
    public async Task ResubmitAsync(
        string number, Applicant applicant, string material, IReadOnlyList<AttachmentUpload>? attachments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var text = CheckText(material, "请说明补正的材料或情况。");
        var files = await CheckAttachmentsAsync(attachments, cancellationToken);
        var now = time.GetUtcNow().ToUniversalTime();
        await ChangeWithFilesAsync(files, now, async context =>
        {
            var request = await LoadAsync(context, number, cancellationToken);
            if (request is null || request.ApplicantSubjectKey != applicant.SubjectKey)
            {
                throw RequestRefusalException.NotFound();
            }

            if (request.Status != RequestStatus.Returned)
            {
                throw new RequestRefusalException("该申请当前无需补正材料。");
            }

            request.Status = request.Events.Any(e => e.Step == RequestStep.Accepted) ? RequestStatus.Accepted : RequestStatus.Submitted;
            request.DueOn = calendar.AddWorkingDays(Today, Math.Max(request.PausedDaysLeft ?? 0, 1));
            request.PausedDaysLeft = null;
            request.Version++;
            request.Events.Add(new RequestEvent { Step = RequestStep.Resubmitted, At = now, Actor = applicant.Name, Reason = text });
            Audit(context, now, applicant.Name, null, "resubmit", number, text + (files.Count == 0 ? string.Empty : $"（附件 {files.Count} 个）"));
            return request;
        }, cancellationToken);
    }

    /// <summary>/requests/status: the request when the number and the code match; null for an unknown number and for a
    /// wrong code alike.</summary>
    public async Task<RepairRequest?> FindByQueryCodeAsync(string? number, string? code, CancellationToken cancellationToken = default)
    {
        var normalisedNumber = RequestCodes.Normalise(number);
        if (normalisedNumber.Length is 0 or > 24 || string.IsNullOrEmpty(RequestCodes.Normalise(code)))
        {
            return null;
        }

        var hash = RequestCodes.HashQueryCode(normalisedNumber, code!);
        await using var context = store.CreateContext();
        var request = await ReadAsync(context, normalisedNumber, cancellationToken);
        return request is not null && request.QueryCodeHash == hash ? request : null;
    }

    /// <summary>One request of the applicant, or null when it is someone else's (pages answer 404).</summary>
    public async Task<RepairRequest?> FindForApplicantAsync(string number, string subjectKey, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var request = await ReadAsync(context, number, cancellationToken);
        return request?.ApplicantSubjectKey == subjectKey ? request : null;
    }

    /// <summary>Every request about the subject's records, newest first.</summary>
    public async Task<IReadOnlyList<RepairRequest>> ListForApplicantAsync(string subjectKey, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var requests = await context.Set<RepairRequest>().AsNoTracking().Include(r => r.Events)
            .Where(r => r.ApplicantSubjectKey == subjectKey).ToListAsync(cancellationToken);
        return [.. requests.OrderByDescending(r => r.SubmittedAt)];
    }

    /// <summary>The audit lines of one request, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.Set<AuditEntry>().AsNoTracking().Where(a => a.RequestNumber == number).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The corrections an upheld objection made to a record, oldest first (old and new values).</summary>
    public async Task<IReadOnlyList<RecordCorrection>> CorrectionsOfAsync(RequestRecordKind kind, string recordId, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        return await context.Set<RecordCorrection>().AsNoTracking().Where(c => c.RecordKind == kind && c.RecordId == recordId)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    private static async Task<RepairRequest?> ReadAsync(CreditDbContext context, string number, CancellationToken cancellationToken)
    {
        var request = await context.Set<RepairRequest>().AsNoTracking().Include(r => r.Events).Include(r => r.Attachments)
            .FirstOrDefaultAsync(r => r.Number == number, cancellationToken);
        request?.Events.Sort((a, b) => a.Id.CompareTo(b.Id));
        return request;
    }

    private static async Task<RepairRequest?> LoadAsync(CreditDbContext context, string number, CancellationToken cancellationToken)
    {
        var request = await context.Set<RepairRequest>().Include(r => r.Events).FirstOrDefaultAsync(r => r.Number == number, cancellationToken);
        request?.Events.Sort((a, b) => a.Id.CompareTo(b.Id));
        return request;
    }

    /// <summary>Runs one change in a transaction under the import lock (which serialises it with imports and with other
    /// changes, so change sequences commit in order), and commits only if <paramref name="work"/> returns.</summary>
    private async Task ChangeAsync(Func<CreditDbContext, Task> work, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await using var transaction = await ListStore.BeginImportTransactionAsync(store, context, connection, cancellationToken);
        try
        {
            await work(context);
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new RequestRefusalException(RequestRefusalException.Conflict().Message, ex) { IsConflict = true };
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A change that ends with files attached to the request <paramref name="work"/> returns: they are written
    /// inside the transaction and removed again when it does not commit, so nothing is kept of a refused change.</summary>
    private async Task ChangeWithFilesAsync(
        IReadOnlyList<CheckedAttachment> files, DateTimeOffset now, Func<CreditDbContext, Task<RepairRequest>> work, CancellationToken cancellationToken)
    {
        IReadOnlyList<RequestAttachment> written = [];
        try
        {
            await ChangeAsync(async context =>
            {
                var request = await work(context);
                if (files.Count > 0)
                {
                    written = await vault!.WriteAsync(files, now, cancellationToken);
                    request.Attachments.AddRange(written);
                }
            }, cancellationToken);
        }
        catch
        {
            vault?.Discard(written);
            throw;
        }
    }

    private static void Audit(CreditDbContext context, DateTimeOffset at, string actor, string? department, string action, string number, string detail) =>
        context.Add(new AuditEntry { At = at, Actor = actor, Department = department, Action = action, RequestNumber = number, Detail = detail });

    private static string CheckPhone(string? phone)
    {
        var value = (phone ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        return PhonePattern().IsMatch(value) ? value : throw new RequestRefusalException("请填写有效的联系电话（11 位手机号码，或带区号的固定电话，如 0519-12345678）。");
    }

    private static string CheckText(string? text, string missing)
    {
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            throw new RequestRefusalException(missing);
        }

        return value.Length > RequestLimits.Statement
            ? throw new RequestRefusalException($"内容过长：最多 {RequestLimits.Statement} 字，请精简后再提交。")
            : value;
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();
}
