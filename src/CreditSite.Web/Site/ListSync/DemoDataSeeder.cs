using System.Diagnostics;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Import;
using CreditSite.Storage;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Site.ListSync;

/// <summary>When demo data is on (<see cref="DemoDataMode"/>): loads the demonstration set so the site has something to
/// show. The set is generated (deterministic seed, about 10,000 entries, plus the records of the local sign-in
/// provider's demonstration identities) into <c>{data}/demo-entries.csv</c> and merged into the store whenever those
/// identities' records are missing — also when an import ran before the first start. <c>Storage:DemoDataFile</c> names
/// a file to load instead, on an empty store only. Either way it goes through the normal import, validation included.</summary>
internal sealed class DemoDataSeeder(
    IOptions<StorageOptions> options, DemoDataMode mode, DemoDataSource source, ListStore store, ListImporter importer, TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    public const string GeneratedFileName = "demo-entries.csv";

    /// <summary>True when it loaded the set.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (!mode.IsOn)
        {
            return false;
        }

        var empty = await store.CurrentSequenceAsync(cancellationToken) == 0 && await store.CountAsync(cancellationToken) == 0;
        var fromFile = !string.IsNullOrWhiteSpace(storage.DemoDataFile);
        if (!empty && (fromFile || await store.FindAsync(SignInDemoSubjects.FirstEntryId, cancellationToken) is not null))
        {
            return false;
        }

        var clock = Stopwatch.StartNew();
        string path;
        if (storage.DemoDataFile is { Length: > 0 } file)
        {
            path = Path.IsPathRooted(file) ? file : Path.Combine(source.SiteRoot, file);
            logger.LogInformation("Empty store: loading the demonstration set from {File}", path);
        }
        else
        {
            path = Path.Combine(storage.ResolveDataPath(source.SiteRoot), GeneratedFileName);
            logger.LogInformation("Demonstration set missing: generating {Count} entries into {File}", storage.DemoDataCount, path);
            new DemoDataGenerator().WriteCsv(path, storage.DemoDataCount, CreditCalendar.Today(time));
            // Reports feature: the entries of the local sign-in provider's demonstration identities (docs/sign-in.md).
            SignInDemoSubjects.AppendCsv(path, CreditCalendar.Today(time));
        }

        var result = await importer.ImportAsync(path, new ImportOptions { OnlyIfEmpty = empty, Progress = new LoggedProgress(logger) }, cancellationToken);
        if (!result.Report.Accepted)
        {
            // The report names lines and reasons only; it never holds a full ID number.
            logger.LogError("The demonstration set was rejected: {Report}", result.Report.Describe());
            return false;
        }

        if (result.Written!.Skipped)
        {
            logger.LogInformation("Another process loaded data first; the demonstration set was not loaded");
            return false;
        }

        logger.LogInformation("Demonstration set stored: {Rows} entries in {Seconds:F1} s (change {Seq})",
            result.Written.Rows, clock.Elapsed.TotalSeconds, result.Written.ChangeSeq);
        return true;
    }

    private sealed class LoggedProgress(ILogger logger) : IProgress<ImportProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.Zero;

        public void Report(ImportProgress value)
        {
            if (_clock.Elapsed - _last < TimeSpan.FromSeconds(2))
            {
                return;
            }

            _last = _clock.Elapsed;
            logger.LogInformation("Demonstration set: {Phase} {Rows} rows", value.Phase, value.Rows);
        }
    }
}
