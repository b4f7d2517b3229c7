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
/// when there is none — a second streaming pass that writes all rows in one transaction. Memory stays flat apart
/// from the set of entry ids used to find duplicates.</summary>
public sealed class ListImporter(ListStore store, ResidentIdHasher hasher, TimeProvider time)
{
    private const int ProgressEvery = 5_000;

    public ImportReport Validate(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var today = CreditCalendar.Today(time);
        var report = new ImportReport(Path.GetFileName(path));
        foreach (var _ in ReadValid(path, report, today, time.GetUtcNow(), ImportPhase.Validating, progress, cancellationToken))
        {
            // Only the report matters in this pass.
        }

        return report;
    }

    public async Task<ImportResult> ImportAsync(string path, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        var today = CreditCalendar.Today(time);
        var importedAt = time.GetUtcNow();
        var report = new ImportReport(Path.GetFileName(path));
        foreach (var _ in ReadValid(path, report, today, importedAt, ImportPhase.Validating, options.Progress, cancellationToken))
        {
            // First pass: collect every problem.
        }

        if (!report.Accepted)
        {
            return new ImportResult(report, null);
        }

        var written = await store.WriteAsync(
            WritePass(path, today, importedAt, options.Progress, cancellationToken),
            new ListWrite { Source = report.FileName, Replace = options.Replace, OnlyIfEmpty = options.OnlyIfEmpty },
            cancellationToken);
        return new ImportResult(report, written);
    }

    private IEnumerable<ListEntry> WritePass(string path, DateOnly today, DateTimeOffset importedAt, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var report = new ImportReport(Path.GetFileName(path));
        foreach (var entry in ReadValid(path, report, today, importedAt, ImportPhase.Writing, progress, cancellationToken))
        {
            if (!report.Accepted)
            {
                throw new ImportFileChangedException();
            }

            yield return entry;
        }

        if (!report.Accepted)
        {
            throw new ImportFileChangedException();
        }
    }

    /// <summary>Yields the valid entries while adding every problem to <paramref name="report"/>.</summary>
    private IEnumerable<ListEntry> ReadValid(
        string path, ImportReport report, DateOnly today, DateTimeOffset importedAt, ImportPhase phase,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var reader = new ListFileReader(path);
        var validator = new ListEntryValidator(hasher, today);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        long rows = 0;
        foreach (var row in reader.ReadRows(report))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = validator.Validate(row, report, importedAt);
            var entryId = row.Value(ListImportColumns.EntryId);
            if (entryId.Length > 0)
            {
                if (firstLineOf.TryGetValue(entryId, out var first))
                {
                    report.Add(row.Line, ListImportColumns.EntryId, $"entry_id“{Echo.Safe(entryId)}”在本文件中重复，首次出现在第 {first} 行。");
                    entry = null;
                }
                else
                {
                    firstLineOf.Add(entryId, row.Line);
                }
            }

            if (++rows % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(phase, rows, reader.Position, reader.Length));
            }

            if (entry is not null)
            {
                yield return entry;
            }
        }

        progress?.Report(new ImportProgress(phase, rows, reader.Length, reader.Length));
    }
}
