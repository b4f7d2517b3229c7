using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Storage;

namespace CreditSite.Import;

/// <summary>Imports a file of public records (行政许可, 行政处罚, 信用承诺) or registry records (基础信息) exactly as
/// <see cref="ListImporter"/> imports list entries: one reader for every kind, all-or-nothing, every bad row reported with
/// its line, column and reason, then one transaction. <c>--replace</c> replaces the records of that kind only.</summary>
public sealed class RecordImporter(RecordStore store, ResidentIdHasher hasher, CreditCatalogue catalogue, TimeProvider time)
{
    public ImportReport Validate(ImportKind kind, string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var importedAt = time.GetUtcNow();
        return kind == ImportKind.Subject
            ? ImportPasses.Validate(path, SubjectValidator(importedAt), progress, cancellationToken)
            : ImportPasses.Validate(path, Validator(RecordKindOf(kind), importedAt), progress, cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(ImportKind kind, string path, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        var importedAt = time.GetUtcNow();
        if (kind == ImportKind.Subject)
        {
            var subjects = SubjectValidator(importedAt);
            var subjectReport = ImportPasses.Validate(path, subjects, options.Progress, cancellationToken);
            return subjectReport.Accepted
                ? new ImportResult(subjectReport, await store.WriteSubjectsAsync(
                    ImportPasses.WritePass(path, subjects, options.Progress, cancellationToken), Write(subjectReport, options), cancellationToken))
                : new ImportResult(subjectReport, null);
        }

        var recordKind = RecordKindOf(kind);
        var records = Validator(recordKind, importedAt);
        var report = ImportPasses.Validate(path, records, options.Progress, cancellationToken);
        if (!report.Accepted)
        {
            return new ImportResult(report, null);
        }

        // Decisions on records (credit repair, objections) outlive a re-import of the same rows.
        var decided = await DecidedRecords.LoadAsync(store.Store, recordKind, cancellationToken);
        var rows = ImportPasses.WritePass(path, records, options.Progress, cancellationToken);
        return new ImportResult(report, await store.WriteRecordsAsync(
            recordKind, decided.IsEmpty ? rows : decided.Apply(rows, report.AddWarning), Write(report, options), cancellationToken));
    }

    private static ListWrite Write(ImportReport report, ImportOptions options) =>
        new() { Source = report.FileName, Replace = options.Replace, OnlyIfEmpty = options.OnlyIfEmpty };

    private static RecordKind RecordKindOf(ImportKind kind) =>
        kind.RecordKindOf() ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "List entries are imported by ListImporter.");

    private RecordRowValidator Validator(RecordKind kind, DateTimeOffset importedAt) =>
        new(kind, hasher, catalogue, CreditCalendar.Today(time), importedAt);

    private RegistryRowValidator SubjectValidator(DateTimeOffset importedAt) => new(catalogue, CreditCalendar.Today(time), importedAt);
}
