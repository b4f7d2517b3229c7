using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.CreditRepair;

/// <summary>How an objection is decided: correct the named field, remove the record, or keep it as it is.</summary>
public enum ObjectionOutcome
{
    Correct,
    Remove,
    Keep,
}

/// <summary>The departments' side: the queue, and accept / return / decide, each with a required reason, each refused
/// when another member of staff changed the request first (optimistic concurrency on <see cref="RepairRequest.Version"/>).</summary>
public sealed partial class CreditRepairDesk
{
    public Task AcceptAsync(string number, long version, StaffMember staff, string reason, CancellationToken cancellationToken = default) =>
        ActAsync(number, version, staff, reason, "accept", (context, request, now, text) =>
        {
            Require(request, "受理", RequestStatus.Submitted);
            request.Status = RequestStatus.Accepted;
            request.DueOn = calendar.AddWorkingDays(Today,
                request.Kind == RequestKind.Repair ? _options.RepairDecisionWorkingDays : _options.ObjectionDecisionWorkingDays);
            request.Events.Add(new RequestEvent { Step = RequestStep.Accepted, At = now, Actor = staff.Name, Reason = text });
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>退回补正: the clock stops with the working days it had left, and resumes when the applicant sends the material.</summary>
    public Task ReturnForMaterialAsync(string number, long version, StaffMember staff, string reason, CancellationToken cancellationToken = default) =>
        ActAsync(number, version, staff, reason, "return", (context, request, now, text) =>
        {
            Require(request, "退回补正", RequestStatus.Submitted, RequestStatus.Accepted);
            request.PausedDaysLeft = request.DueOn is { } due ? Math.Max(calendar.WorkingDaysBetween(Today, due), 0) : 0;
            request.DueOn = null;
            request.Status = RequestStatus.Returned;
            request.Events.Add(new RequestEvent { Step = RequestStep.Returned, At = now, Actor = staff.Name, Reason = text });
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Approve (the record leaves public view as 已信用修复, the commitment is published) or reject a repair.</summary>
    public Task DecideRepairAsync(string number, long version, StaffMember staff, bool approve, string reason, CancellationToken cancellationToken = default) =>
        ActAsync(number, version, staff, reason, approve ? "approve" : "reject", async (context, request, now, text) =>
        {
            Require(request, approve ? "通过" : "不予通过", RequestStatus.Accepted);
            if (request.Kind != RequestKind.Repair)
            {
                throw new RequestRefusalException("异议申诉请选择更正、删除或维持记录。");
            }

            Decide(request, approve, staff, now, text);
            if (approve)
            {
                var record = await RecordOfAsync(context, request, cancellationToken);
                var seq = await RecordEffects.WithdrawAsync(context, record, RecordStatus.Repaired, request.Number, now, cancellationToken);
                RecordEffects.PublishCommitment(context, record, request, Today, now, seq);
                request.Events.Add(new RequestEvent { Step = RequestStep.Applied, At = now, Actor = staff.Name });
            }
        }, cancellationToken);

    /// <summary>Uphold an objection by correcting the field (<paramref name="correctedValue"/> required) or removing the
    /// record, or keep the record (the objection is rejected). The record's 异议处理中 ends either way.</summary>
    public Task DecideObjectionAsync(
        string number, long version, StaffMember staff, ObjectionOutcome outcome, string reason, string? correctedValue = null,
        CancellationToken cancellationToken = default) =>
        ActAsync(number, version, staff, reason, outcome.ToString().ToLowerInvariant(), async (context, request, now, text) =>
        {
            Require(request, "作出决定", RequestStatus.Accepted);
            if (request.Kind != RequestKind.Objection)
            {
                throw new RequestRefusalException("信用修复申请请选择通过或不予通过。");
            }

            var value = correctedValue?.Trim() ?? string.Empty;
            if (outcome == ObjectionOutcome.Correct && value.Length == 0)
            {
                throw new RequestRefusalException("更正记录时请填写更正后的内容。");
            }

            var record = await RecordOfAsync(context, request, cancellationToken);
            var restore = request.RecordStatusBefore is { } before && before != RecordStatus.UnderObjection ? before : RecordStatus.Active;
            Decide(request, outcome != ObjectionOutcome.Keep, staff, now, text);
            switch (outcome)
            {
                case ObjectionOutcome.Correct:
                    await RecordEffects.CorrectAsync(context, record, request.ObjectionField!, value, restore, request.Number, now, cancellationToken);
                    break;
                case ObjectionOutcome.Remove:
                    await RecordEffects.WithdrawAsync(context, record, RecordStatus.Withdrawn, request.Number, now, cancellationToken);
                    break;
                default:
                    await RecordEffects.SetStatusAsync(context, record, restore, $"异议申诉 {request.Number}", now, cancellationToken);
                    break;
            }

            request.Events.Add(new RequestEvent { Step = RequestStep.Applied, At = now, Actor = staff.Name });
        }, cancellationToken);

    /// <summary>One request of the department, or null when it belongs to another (pages answer 404). The credit office
    /// (<paramref name="department"/> null) reads every department's.</summary>
    public async Task<RepairRequest?> FindForDepartmentAsync(string number, string? department, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var request = await ReadAsync(context, number, cancellationToken);
        return department is null || request?.Department == department ? request : null;
    }

    /// <summary>A department's requests (every department's for the credit office: <paramref name="department"/> null),
    /// open ones first by deadline, then decided ones newest first.</summary>
    public async Task<IReadOnlyList<RepairRequest>> QueueAsync(
        string? department, RequestKind? kind = null, RequestStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var context = store.CreateContext();
        var query = context.Set<RepairRequest>().AsNoTracking().Include(r => r.Events).AsQueryable();
        if (department is not null)
        {
            query = query.Where(r => r.Department == department);
        }

        if (kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var requests = await query.ToListAsync(cancellationToken);
        return [.. requests.OrderBy(r => r.IsOpen ? 0 : 1).ThenBy(r => r.DueOn ?? DateOnly.MaxValue).ThenByDescending(r => r.SubmittedAt)];
    }

    private delegate Task StaffAction(CreditDbContext context, RepairRequest request, DateTimeOffset now, string reason);

    private async Task ActAsync(string number, long version, StaffMember staff, string reason, string action, StaffAction work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var text = (reason ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new RequestRefusalException("请填写处理理由（将告知申请人）。");
        }

        if (text.Length > RequestLimits.Reason)
        {
            throw new RequestRefusalException($"处理理由过长：最多 {RequestLimits.Reason} 字。");
        }

        var now = time.GetUtcNow().ToUniversalTime();
        await ChangeAsync(async context =>
        {
            var request = await LoadAsync(context, number, cancellationToken);
            if (request is null || request.Department != staff.Department)
            {
                throw RequestRefusalException.NotFound();
            }

            if (request.Version != version)
            {
                throw RequestRefusalException.Conflict();
            }

            await work(context, request, now, text);
            request.Version++;
            Audit(context, now, staff.Name, staff.Department, action, number, text);
        }, cancellationToken);
    }

    private static void Require(RepairRequest request, string action, params RequestStatus[] allowed)
    {
        if (!allowed.Contains(request.Status))
        {
            throw new RequestRefusalException($"该申请当前状态为“{request.Status.Label()}”，不能{action}。");
        }
    }

    private static void Decide(RepairRequest request, bool approve, StaffMember staff, DateTimeOffset now, string reason)
    {
        request.Status = approve ? RequestStatus.Approved : RequestStatus.Rejected;
        request.DueOn = null;
        request.PausedDaysLeft = null;
        request.Events.Add(new RequestEvent { Step = approve ? RequestStep.Approved : RequestStep.Rejected, At = now, Actor = staff.Name, Reason = reason });
    }

    private static async Task<RequestedRecord> RecordOfAsync(CreditDbContext context, RepairRequest request, CancellationToken cancellationToken) =>
        await RequestedRecord.FindAsync(context, request.RecordKind, request.RecordId, cancellationToken)
        ?? throw new RequestRefusalException("该申请对应的记录已被数据报送单位删除，无法作出影响记录的决定；请选择不予通过并说明理由。");
}
