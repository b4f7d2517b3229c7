using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.CreditRepair;

/// <summary>What decisions made of one kind's records (a public record kind, or black-list entries), loaded before an
/// import writes them, so that an import of a record the department's platform still holds does not undo a decision:
/// a repaired or removed record stays out of view, a corrected field keeps its correction, a record under an open
/// objection stays 异议处理中. Each such row becomes a warning in the import report.</summary>
public sealed class DecidedRecords
{
    private readonly Dictionary<string, RecordHold> _holds;
    private readonly ILookup<string, RecordCorrection> _corrections;
    private readonly Dictionary<string, string> _objections;

    private DecidedRecords(Dictionary<string, RecordHold> holds, ILookup<string, RecordCorrection> corrections, Dictionary<string, string> objections)
    {
        _holds = holds;
        _corrections = corrections;
        _objections = objections;
    }

    public static Task<DecidedRecords> LoadAsync(CreditStore store, RecordKind kind, CancellationToken cancellationToken = default) =>
        LoadAsync(store, kind.ForRequest(), cancellationToken);

    public static async Task<DecidedRecords> LoadAsync(CreditStore store, RequestRecordKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var context = store.CreateContext();
        var holds = await context.Set<RecordHold>().AsNoTracking().Where(h => h.RecordKind == kind).ToDictionaryAsync(h => h.RecordId, StringComparer.Ordinal, cancellationToken);
        var corrections = await context.Set<RecordCorrection>().AsNoTracking().Where(c => c.RecordKind == kind).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var objections = await context.Set<RepairRequest>().AsNoTracking()
            .Where(r => r.RecordKind == kind && r.Kind == RequestKind.Objection
                        && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Accepted || r.Status == RequestStatus.Returned))
            .Select(r => new { r.RecordId, r.Number }).ToListAsync(cancellationToken);
        return new DecidedRecords(holds, corrections.ToLookup(c => c.RecordId, StringComparer.Ordinal),
            objections.ToDictionary(o => o.RecordId, o => o.Number, StringComparer.Ordinal));
    }

    public bool IsEmpty => _holds.Count == 0 && _corrections.Count == 0 && _objections.Count == 0;

    /// <summary>Applies the decisions to the records as they stream to the store; <paramref name="warn"/> gets one
    /// Chinese line per record it changed.</summary>
    public IEnumerable<PublicRecord> Apply(IEnumerable<PublicRecord> records, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(warn);
        return records.Select(record =>
        {
            Apply(RequestedRecord.Of(record), warn);
            return record;
        });
    }

    /// <summary>The same for list entries as they stream to the store: only black-list entries are ever decided on.</summary>
    public IEnumerable<ListEntry> Apply(IEnumerable<ListEntry> entries, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(warn);
        return entries.Select(entry =>
        {
            if (entry.Kind == ListKind.Black)
            {
                Apply(RequestedRecord.Of(entry), warn);
            }

            return entry;
        });
    }

    private void Apply(RequestedRecord record, Action<string> warn)
    {
        foreach (var correction in _corrections[record.RecordId])
        {
            if (record.Read(correction.Field) != correction.NewValue)
            {
                record.Write(correction.Field, correction.NewValue);
                warn($"记录 {record.RecordId}：{CorrectableFields.Label(record.Kind, correction.Field)}已按异议申诉 {correction.RequestNumber} 更正，保留更正后的内容。");
            }
        }

        if (_holds.TryGetValue(record.RecordId, out var hold) && record.Status != hold.Status)
        {
            record.Status = hold.Status;
            warn($"记录 {record.RecordId}：已按{(hold.Status == RecordStatus.Repaired ? "信用修复" : "异议申诉")} {hold.RequestNumber} 停止公示，本次导入不恢复其公示。");
        }
        else if (_objections.TryGetValue(record.RecordId, out var number) && record.Status != RecordStatus.UnderObjection && !record.IsWithdrawn)
        {
            record.Status = RecordStatus.UnderObjection;
            warn($"记录 {record.RecordId}：异议申诉 {number} 正在处理中，保持“异议处理中”状态。");
        }
    }
}
