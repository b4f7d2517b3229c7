namespace CreditSite.Import;

/// <summary>The two streaming passes every import makes over its file: the validation pass collects every problem
/// (each row's own and duplicate keys); the write pass, run only for an accepted file, yields the rows again for the
/// store and throws <see cref="ImportFileChangedException"/> if the file now has a problem (it changed in between).
/// Memory stays flat apart from the set of keys used to find duplicates.</summary>
internal static class ImportPasses
{
    private const int ProgressEvery = 5_000;

    public static ImportReport Validate<T>(string path, IRowValidator<T> validator, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var report = new ImportReport(Path.GetFileName(path));
        foreach (var _ in ReadValid(path, validator, report, ImportPhase.Validating, progress, cancellationToken))
        {
            // Only the report matters in this pass.
        }

        return report;
    }

    /// <summary>The rows for the store, read and validated on a thread of their own a little ahead of the writer.</summary>
    public static IEnumerable<T> WritePass<T>(string path, IRowValidator<T> validator, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        where T : class =>
        Prefetch.Ahead(ValidatedAgain(path, validator, progress, cancellationToken), cancellationToken);

    private static IEnumerable<T> ValidatedAgain<T>(string path, IRowValidator<T> validator, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var report = new ImportReport(Path.GetFileName(path));
        foreach (var item in ReadValid(path, validator, report, ImportPhase.Writing, progress, cancellationToken))
        {
            if (!report.Accepted)
            {
                throw new ImportFileChangedException();
            }

            yield return item;
        }

        if (!report.Accepted)
        {
            throw new ImportFileChangedException();
        }
    }

    /// <summary>Yields the valid rows while adding every problem to <paramref name="report"/>.</summary>
    private static IEnumerable<T> ReadValid<T>(
        string path, IRowValidator<T> validator, ImportReport report, ImportPhase phase, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new ImportFileReader(path, validator.Columns);
        var keyColumn = validator.Columns.Key;
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        long rows = 0;
        foreach (var row in reader.ReadRows(report))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = validator.Validate(row, report);
            var key = validator.KeyOf(row);
            if (key.Length > 0)
            {
                if (firstLineOf.TryGetValue(key, out var first))
                {
                    report.Add(row.Line, keyColumn, $"{keyColumn}“{Echo.Safe(key)}”在本文件中重复，首次出现在第 {first} 行。");
                    item = null;
                }
                else
                {
                    firstLineOf.Add(key, row.Line);
                }
            }

            if (++rows % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(phase, rows, reader.Position, reader.Length));
            }

            if (item is not null)
            {
                yield return item;
            }
        }

        progress?.Report(new ImportProgress(phase, rows, reader.Length, reader.Length));
    }
}
