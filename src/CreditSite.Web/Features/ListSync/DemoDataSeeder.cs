using System.Diagnostics;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Import;
using CreditSite.Storage;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.ListSync;

/// <summary>First start on an empty store: loads the demonstration set so the site has something to show. The set is
/// generated (deterministic seed, about 10,000 entries) into <c>{data}/demo-entries.csv</c> unless
/// <c>Storage:DemoDataFile</c> names a file; either way it goes through the normal import, validation included.</summary>
internal sealed class DemoDataSeeder(
    IOptions<StorageOptions> options, DemoDataSource source, ListStore store, ListImporter importer, TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    public const string GeneratedFileName = "demo-entries.csv";

    /// <summary>True when it loaded the set.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (!storage.SeedDemoData || await store.CurrentSequenceAsync(cancellationToken) > 0 || await store.CountAsync(cancellationToken) > 0)
        {
            return false;
        }

        var clock = Stopwatch.StartNew();
        string path;
        if (!string.IsNullOrWhiteSpace(storage.DemoDataFile))
        {
            path = Path.IsPathRooted(storage.DemoDataFile) ? storage.DemoDataFile : Path.Combine(source.SiteRoot, storage.DemoDataFile);
            logger.LogInformation("Empty store: loading the demonstration set from {File}", path);
        }
        else
        {
            path = Path.Combine(storage.ResolveDataPath(source.SiteRoot), GeneratedFileName);
            logger.LogInformation("Empty store: generating {Count} demonstration entries into {File}", storage.DemoDataCount, path);
            new DemoDataGenerator().WriteCsv(path, storage.DemoDataCount, CreditCalendar.Today(time));
        }

        var result = await importer.ImportAsync(path, new ImportOptions { OnlyIfEmpty = true, Progress = new LoggedProgress(logger) }, cancellationToken);
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
