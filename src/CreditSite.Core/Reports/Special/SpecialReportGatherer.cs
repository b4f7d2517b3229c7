using CreditSite.Domain;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;

namespace CreditSite.Reports.Special;

/// <summary>Builds a special credit report from the store (the system of record), not from the search index: the report
/// answers “was there a violation in this period”, which includes records the public pages no longer show (a penalty
/// past its publication period, one under the simplified procedure that is never published, an exited list entry).</summary>
public static class SpecialReportGatherer
{
    public const string PenaltyDataset = "行政处罚";
    public const string BlackListDataset = "严重失信主体名单";

    public static async Task<SpecialReportContent> GatherAsync(
        CreditStore store, ReportSubject subject, SpecialReportScope scope, CreditCatalogue catalogue, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(catalogue);
        var rule = catalogue.SpecialReport;
        var catalogueFields = catalogue.Fields;
        await using var context = store.CreateContext();

        var uscc = subject.Uscc;
        var idHash = subject.ResidentIdHash;
        var penalties = await context.PublicRecords.AsNoTracking()
            .Where(r => r.Kind == RecordKind.Penalty && r.DecisionDate >= scope.From && r.DecisionDate <= scope.To)
            .Where(r => uscc != null ? r.Uscc == uscc : r.ResidentIdHash == idHash)
            .ToListAsync(cancellationToken);
        var entries = await context.ListEntries.AsNoTracking()
            .Where(e => e.Kind == ListKind.Black && e.DecisionDate >= scope.From && e.DecisionDate <= scope.To)
            .Where(e => uscc != null ? e.Uscc == uscc : e.ResidentIdHash == idHash)
            .ToListAsync(cancellationToken);
        var registry = uscc is null ? null
            : await context.RegistrySubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Uscc == uscc, cancellationToken);

        var datasets = new List<SpecialReportDataset>
        {
            await DatasetAsync(context, PenaltyDataset,
                context.PublicRecords.Where(r => r.Kind == RecordKind.Penalty).Select(r => EF.Property<long>(r, CreditDbContext.ChangeSeq)), cancellationToken),
            await DatasetAsync(context, BlackListDataset,
                context.ListEntries.Where(e => e.Kind == ListKind.Black).Select(e => EF.Property<long>(e, CreditDbContext.ChangeSeq)), cancellationToken),
        };

        var found = penalties.Where(p => p.Status != RecordStatus.Revoked && (rule.ListRepaired || p.Status != RecordStatus.Repaired))
            .Select(p => (Field: p.Field, Record: FromPenalty(p)))
            .Concat(entries.Where(e => rule.ListRepaired || e.Status != EntryStatus.Repaired).Select(e => (Field: (string?)e.Field, Record: FromEntry(e))))
            .OrderByDescending(x => x.Record.Date).ThenBy(x => x.Record.DecisionNumber, StringComparer.Ordinal)
            .ToList();

        var held = datasets.Where(d => d.Held).Select(d => d.Name).ToList();
        var results = scope.Fields
            .Select(field => found.Where(x => x.Field == field).Select(x => x.Record).ToList())
            .Zip(scope.Fields, (records, field) => new SpecialReportField(field, records, Conclude(records.Count, held)))
            .ToList();
        // A record with no field, or one the catalogue does not know, could belong to any field: it is shown whatever
        // was chosen, since leaving it out could make a field look clean that is not.
        var withoutField = found.Where(x => string.IsNullOrEmpty(x.Field) || !catalogueFields.Contains(x.Field, StringComparer.Ordinal))
            .Select(x => x.Record).ToList();

        return new SpecialReportContent
        {
            SubjectKind = subject.Kind,
            SubjectName = registry?.Name ?? subject.Name,
            Uscc = uscc,
            MaskedIdNumber = subject.MaskedIdNumber,
            RegistryStatus = registry?.Status,
            From = scope.From,
            To = scope.To,
            Fields = scope.Fields,
            AllFields = scope.AllFields,
            AsOf = now,
            Results = results,
            WithoutField = withoutField,
            Datasets = datasets,
            NotHeld = [.. datasets.Where(d => !d.Held).Select(d => $"{d.Name}：本平台尚未归集该类信息，本报告未作查询"), .. rule.NotHeld],
            RepairRule = rule.RepairSentence,
        };
    }

    /// <summary>The conclusion for one field: the fixed sentence when both datasets were held, otherwise a sentence that
    /// names only what was consulted.</summary>
    public static string Conclude(int found, IReadOnlyList<string> heldDatasets)
    {
        ArgumentNullException.ThrowIfNull(heldDatasets);
        if (found > 0)
        {
            return $"查询期间内发现 {found} 条记录，详见下列各条";
        }

        if (heldDatasets.Contains(PenaltyDataset) && heldDatasets.Contains(BlackListDataset))
        {
            return SpecialReportContent.CleanConclusion;
        }

        return heldDatasets.Count == 0
            ? "本平台尚未归集行政处罚、严重失信主体名单信息，无法作出结论"
            : $"查询期间内未发现{string.Join('、', heldDatasets)}记录（其他信息本平台尚未归集，未作查询）";
    }

    private static async Task<SpecialReportDataset> DatasetAsync(
        CreditDbContext context, string name, IQueryable<long> changeSeqs, CancellationToken cancellationToken)
    {
        var count = await changeSeqs.LongCountAsync(cancellationToken);
        if (count == 0)
        {
            return new SpecialReportDataset(name, null, 0);
        }

        // SQLite cannot take MAX of a DateTimeOffset: the newest batch that wrote the dataset says the same.
        var seq = await changeSeqs.MaxAsync(cancellationToken);
        var last = await context.ImportBatches.Where(b => b.Id == seq).Select(b => (DateTimeOffset?)b.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return new SpecialReportDataset(name, last, count);
    }

    private static SpecialReportRecord FromPenalty(PublicRecord p) => new()
    {
        Kind = PenaltyDataset,
        DecisionNumber = p.DecisionNumber,
        Date = p.DecisionDate,
        Department = p.Department,
        Content = string.IsNullOrWhiteSpace(p.Content) ? p.Facts ?? string.Empty : p.Content,
        Status = p.Status.Label(RecordKind.Penalty) + (p.SimplifiedProcedure ? "（简易程序）" : string.Empty),
        SimplifiedProcedure = p.SimplifiedProcedure,
        Repaired = p.Status == RecordStatus.Repaired,
    };

    private static SpecialReportRecord FromEntry(ListEntry e) => new()
    {
        Kind = BlackListDataset,
        DecisionNumber = e.DecisionNumber,
        Date = e.DecisionDate,
        Department = e.IssuingDepartment,
        Content = e.Summary,
        Status = e.Status.Label(),
        Repaired = e.Status == EntryStatus.Repaired,
    };
}
