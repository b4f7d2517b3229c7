using CreditSite.CreditRepair;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Storage;

namespace CreditSite.Import;

public enum ImportPhase
{
    Validating,
    Writing,
}

/// <summary>Progress of an import: rows handled in this phase and how far into the file (bytes) it is.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, long Rows, long Bytes, long TotalBytes);

public sealed record ImportOptions
{
    /// <summary>Entries not in the file are removed (<c>--replace</c>).</summary>
    public bool Replace { get; init; }

    /// <summary>Load only into an empty store (first-start demonstration set).</summary>
    public bool OnlyIfEmpty { get; init; }

    public IProgress<ImportProgress>? Progress { get; init; }
}

/// <summary>The result of an import: the validation report, and what was written when it was accepted.</summary>
public sealed record ImportResult(ImportReport Report, ListWriteOutcome? Written)
{
    public bool Accepted => Report.Accepted && Written is not null;
}

/// <summary>Thrown when the second pass over a file finds a problem the first pass did not: the file changed while it
/// was being imported. The write is rolled back.</summary>
public sealed class ImportFileChangedException : Exception
{
    public ImportFileChangedException() : base("文件在导入过程中发生了变化，未写入任何数据。请在文件不再改动时重新导入。") { }

    public ImportFileChangedException(string message) : base(message) { }

    public ImportFileChangedException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Imports a list file all-or-nothing: a streaming validation pass that collects every problem, then — only
/// when there is none — a second streaming pass that writes all rows in one transaction (<see cref="ImportPasses"/>).</summary>
public sealed class ListImporter(ListStore store, ResidentIdHasher hasher, CreditCatalogue catalogue, TimeProvider time)
{
    public ImportReport Validate(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportPasses.Validate(path, Validator(time.GetUtcNow()), progress, cancellationToken);

    public async Task<ImportResult> ImportAsync(string path, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        var validator = Validator(time.GetUtcNow());
        var report = ImportPasses.Validate(path, validator, options.Progress, cancellationToken);
        if (!report.Accepted)
        {
            return new ImportResult(report, null);
        }

        // Decisions on black-list entries (credit repair, objections) outlive a re-import of the same rows.
        var decided = await DecidedRecords.LoadAsync(store.Database, RequestRecordKind.BlackList, cancellationToken);
        var rows = ImportPasses.WritePass(path, validator, options.Progress, cancellationToken);
        var written = await store.WriteAsync(
            decided.IsEmpty ? rows : decided.Apply(rows, report.AddWarning),
            new ListWrite { Source = report.FileName, Replace = options.Replace, OnlyIfEmpty = options.OnlyIfEmpty },
            cancellationToken);
        return new ImportResult(report, written);
    }

    private IRowValidator<ListEntry> Validator(DateTimeOffset importedAt) =>
        new ListEntryValidator(hasher, catalogue, CreditCalendar.Today(time)).ForImport(importedAt);
}
