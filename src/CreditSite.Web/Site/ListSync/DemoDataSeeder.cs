using System.Diagnostics;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Site.ListSync;

/// <summary>When demo data is on (<see cref="DemoDataMode"/>): loads the demonstration set so the site has something to
/// show. The set is generated (deterministic seed, about 10,000 entries, plus the records of the local sign-in
/// provider's demonstration identities) into <c>{data}/demo-entries.csv</c> and merged into the store whenever those
/// identities' records are missing — also when an import ran before the first start. <c>Storage:DemoDataFile</c> names
/// a file to load instead, on an empty store only. Either way it goes through the normal import, validation included.
/// With the generated set come its records (<see cref="DemoRecordGenerator"/>: 基础信息, 行政许可, 行政处罚, 信用承诺 of
/// the same subjects), each kind written only while the store has none of that kind, so several nodes starting together
/// write them once; a file named by <c>Storage:DemoDataFile</c> gets none (its subjects are not the generated ones).</summary>
internal sealed class DemoDataSeeder(
    IOptions<StorageOptions> options, DemoDataMode mode, DemoDataSource source, ListStore store, ListImporter importer,
    RecordStore records, ResidentIdHasher hasher, CreditCatalogue catalogue, TimeProvider time, ILogger<DemoDataSeeder> logger)
{
    public const string GeneratedFileName = "demo-entries.csv";

    /// <summary>The import source the demonstration records are written under.</summary>
    public const string RecordsSource = "演示数据";

    /// <summary>True when it loaded the list set. The records that go with a generated set are added whenever a kind
    /// of them is missing, also when the list set was already there (a data folder from before they existed).</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!mode.IsOn)
        {
            return false;
        }

        var (loaded, usable) = await SeedListAsync(cancellationToken);
        if (usable && string.IsNullOrWhiteSpace(options.Value.DemoDataFile))
        {
            await SeedRecordsAsync(cancellationToken);
        }

        return loaded;
    }

    /// <summary>Loaded: the list set was written now. Usable: the generated set is in the store (now or before).</summary>
    private async Task<(bool Loaded, bool Usable)> SeedListAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        var empty = await store.CurrentSequenceAsync(cancellationToken) == 0 && await store.CountAsync(cancellationToken) == 0;
        var fromFile = !string.IsNullOrWhiteSpace(storage.DemoDataFile);
        if (!empty && (fromFile || await store.FindAsync(SignInDemoSubjects.FirstEntryId, cancellationToken) is not null))
        {
            return (false, true);
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
            return (false, false);
        }

        if (result.Written!.Skipped)
        {
            logger.LogInformation("Another process loaded data first; the demonstration set was not loaded");
            return (false, true);
        }

        logger.LogInformation("Demonstration set stored: {Rows} entries in {Seconds:F1} s (change {Seq})",
            result.Written.Rows, clock.Elapsed.TotalSeconds, result.Written.ChangeSeq);
        return (true, true);
    }

    /// <summary>Writes each kind of demonstration record the store has none of, under the import lock (another node
    /// that got there first makes the write a no-op). Generated only when a kind is missing.</summary>
    private async Task SeedRecordsAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<RecordKind, long>();
        foreach (var kind in RecordText.AllKinds)
        {
            counts[kind] = (await records.DatasetAsync(kind, cancellationToken)).Count;
        }

        var registryMissing = await records.CountListedAsync(cancellationToken) == counts.Values.Sum();
        var missing = RecordText.AllKinds.Where(kind => counts[kind] == 0).ToList();
        if (missing.Count == 0 && !registryMissing)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var set = new DemoRecordGenerator(hasher, catalogue).Generate(options.Value.DemoDataCount, CreditCalendar.Today(time));
        var write = new ListWrite { Source = RecordsSource, OnlyIfEmpty = true };
        var written = 0;
        if (registryMissing)
        {
            written += (await records.WriteSubjectsAsync(set.Registry, write, cancellationToken)).Rows;
        }

        foreach (var kind in missing)
        {
            written += (await records.WriteRecordsAsync(kind, set.Of(kind), write, cancellationToken)).Rows;
        }

        logger.LogInformation("Demonstration records stored: {Rows} of {Count} in {Seconds:F1} s (基础信息, 行政许可, 行政处罚, 信用承诺)",
            written, set.Count, clock.Elapsed.TotalSeconds);
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
