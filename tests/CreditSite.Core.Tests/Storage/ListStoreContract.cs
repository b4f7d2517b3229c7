using CreditSite.Core.Tests.Import;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;

namespace CreditSite.Core.Tests.Storage;

/// <summary>The list store's behaviour, run against each provider (SQLite file, real PostgreSQL) by a subclass that
/// creates a fresh, empty database for every test.</summary>
public abstract class ListStoreContract : IAsyncLifetime
{
    private CreditStore? _store;

    protected ImportFiles Files { get; } = new();

    protected CreditStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    private ListStore Lists => new(Store);

    private ListImporter Importer => new(Lists, ImportFiles.Hasher(), ImportFiles.Catalogue(), ImportFiles.Clock());

    /// <summary>A new empty database for one test.</summary>
    protected abstract Task<CreditStore> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    /// <summary>Everything the database holds for the list tables, as text (for the privacy check).</summary>
    protected abstract Task<string> ReadEverythingStoredAsync();

    /// <summary>Names of the indexes on <c>list_entries</c>, sorted.</summary>
    protected abstract Task<List<string>> ListEntryIndexNamesAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DropStoreAsync();
        }

        Files.Dispose();
    }

    private async Task<ListWriteOutcome> ImportAcceptedAsync(string path, bool replace = false)
    {
        var result = await Importer.ImportAsync(path, new ImportOptions { Replace = replace });
        Assert.True(result.Accepted, result.Report.Describe());
        return result.Written!;
    }

    [Fact]
    public async Task StoresEveryColumnOfOrganisationsPersonsAndHonours()
    {
        var written = await ImportAcceptedAsync(Files.Csv(ImportFiles.Organisation("S-1"), ImportFiles.Person("S-2"), ImportFiles.Honour("S-3")));

        Assert.Equal((3, 3, 0, 0), (written.Rows, written.Inserted, written.Updated, written.Removed));
        var organisation = (await Lists.FindAsync("S-1"))!;
        Assert.Equal(ListKind.Black, organisation.Kind);
        Assert.Equal(SubjectType.LegalPerson, organisation.SubjectType);
        Assert.Equal("常州天宁恒达食品有限公司", organisation.SubjectName);
        Assert.Equal(ImportFiles.Uscc, organisation.Uscc);
        Assert.Equal(ImportFiles.Uscc, organisation.SubjectKey);
        Assert.Equal("食品药品", organisation.Field);
        Assert.Equal("市市场监督管理局", organisation.IssuingDepartment);
        Assert.Equal("常市监罚〔2025〕123号", organisation.DecisionNumber);
        Assert.Equal(new DateOnly(2025, 3, 1), organisation.DecisionDate);
        Assert.Equal(new DateOnly(2026, 3, 1), organisation.PublicUntil);
        Assert.Equal(Severity.General, organisation.Severity);
        Assert.Equal(EntryStatus.Active, organisation.Status);
        Assert.Equal(ImportFiles.Now, organisation.ImportedAt);

        var person = (await Lists.FindAsync("S-2"))!;
        Assert.Null(person.Uscc);
        Assert.Equal(ResidentIdNumber.Mask(ImportFiles.IdNumber), person.MaskedIdNumber);
        Assert.Equal(ImportFiles.Hasher().Hash(ResidentIdNumber.Complete(ImportFiles.IdNumber[..17])), person.ResidentIdHash);
        Assert.Equal(ImportFiles.Hasher().SubjectKey(person.ResidentIdHash!), person.SubjectKey);

        var honour = (await Lists.FindAsync("S-3"))!;
        Assert.Equal(ListKind.Red, honour.Kind);
        Assert.Null(honour.Severity);
    }

    [Fact]
    public async Task RejectedFileChangesNothingAlreadyStored()
    {
        await ImportAcceptedAsync(Files.Csv(ImportFiles.Organisation("R-1"), ImportFiles.Person("R-2")));
        var sequence = await Lists.CurrentSequenceAsync();

        var result = await Importer.ImportAsync(Files.Csv(
            ImportFiles.With(ImportFiles.Organisation("R-1"), "status", "exited"),
            ImportFiles.With(ImportFiles.Person("R-2"), "summary", "已更新"),
            ImportFiles.Honour("R-3"),
            ImportFiles.With(ImportFiles.Honour("R-4"), "decision_date", "2025-02-30")), new ImportOptions { Replace = true });

        Assert.False(result.Accepted);
        Assert.Null(result.Written);
        Assert.Equal(5, Assert.Single(result.Report.Problems).Line);
        Assert.Equal(2, await Lists.CountAsync());
        Assert.Equal(sequence, await Lists.CurrentSequenceAsync());
        Assert.Equal(EntryStatus.Active, (await Lists.FindAsync("R-1"))!.Status);
        Assert.Equal(ImportFiles.Person()["summary"], (await Lists.FindAsync("R-2"))!.Summary);
        Assert.Null(await Lists.FindAsync("R-3"));
    }

    [Fact]
    public async Task ReimportingAnEntryIdUpdatesThatEntry()
    {
        await ImportAcceptedAsync(Files.Csv(ImportFiles.Organisation("U-1"), ImportFiles.Honour("U-2")));

        var written = await ImportAcceptedAsync(Files.Csv(
            ImportFiles.With(ImportFiles.With(ImportFiles.Organisation("U-1"), "status", "repaired"), "summary", "已完成信用修复。")));

        Assert.Equal((1, 0, 1, 0), (written.Rows, written.Inserted, written.Updated, written.Removed));
        Assert.Equal(2, await Lists.CountAsync());
        var entry = (await Lists.FindAsync("U-1"))!;
        Assert.Equal(EntryStatus.Repaired, entry.Status);
        Assert.Equal("已完成信用修复。", entry.Summary);
        Assert.Equal(EntryStatus.Active, (await Lists.FindAsync("U-2"))!.Status);
    }

    [Fact]
    public async Task ReplaceRemovesEntriesNotInTheFileAndRecordsTheRemovals()
    {
        var first = await ImportAcceptedAsync(Files.Csv(ImportFiles.Organisation("X-1"), ImportFiles.Person("X-2"), ImportFiles.Honour("X-3")));

        var written = await ImportAcceptedAsync(Files.Csv(ImportFiles.Person("X-2"), ImportFiles.Organisation("X-4")), replace: true);

        Assert.Equal((2, 1, 1, 2), (written.Rows, written.Inserted, written.Updated, written.Removed));
        Assert.Equal(2, await Lists.CountAsync());
        Assert.Null(await Lists.FindAsync("X-1"));
        Assert.Null(await Lists.FindAsync("X-3"));
        var removed = new List<string>();
        await foreach (var page in Lists.ReadRemovedAsync(first.ChangeSeq, written.ChangeSeq, 100))
        {
            removed.AddRange(page);
        }

        Assert.Equal(["X-1", "X-3"], removed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChangeFeedReturnsOnlyWhatWasWrittenAfterASequence()
    {
        var first = await ImportAcceptedAsync(Files.Csv(ImportFiles.Organisation("F-1"), ImportFiles.Honour("F-2")));
        var second = await ImportAcceptedAsync(Files.Csv(ImportFiles.With(ImportFiles.Honour("F-2"), "status", "exited")));

        Assert.True(second.ChangeSeq > first.ChangeSeq);
        Assert.Equal(second.ChangeSeq, await Lists.CurrentSequenceAsync());
        var sinceFirst = await ReadChangedAsync(first.ChangeSeq, second.ChangeSeq);
        Assert.Equal("F-2", Assert.Single(sinceFirst).EntryId);
        Assert.Equal(EntryStatus.Exited, sinceFirst[0].Status);
        Assert.Equal(["F-1", "F-2"], (await ReadChangedAsync(0, second.ChangeSeq)).Select(e => e.EntryId).Order(StringComparer.Ordinal));
        Assert.Empty(await ReadChangedAsync(second.ChangeSeq, second.ChangeSeq));
        Assert.Equal(1, await Lists.CountChangedAsync(first.ChangeSeq, second.ChangeSeq));
    }

    [Fact]
    public async Task StoresQuotedCsvValuesExactly()
    {
        var summary = "经营超过保质期的食品，\"情节严重\",\n并拒不改正。";
        var name = "常州\"老字号\"食品有限公司，钟楼分公司";
        await ImportAcceptedAsync(Files.Csv(ImportFiles.With(ImportFiles.With(ImportFiles.Organisation("Q-1"), "summary", summary), "subject_name", name)));

        var entry = (await Lists.FindAsync("Q-1"))!;

        Assert.Equal(summary, entry.Summary);
        Assert.Equal(name, entry.SubjectName);
    }

    [Fact]
    public async Task ImportsJsonLines()
    {
        var written = await ImportAcceptedAsync(Files.JsonLines(ImportFiles.Organisation("L-1"), ImportFiles.Person("L-2")));

        Assert.Equal(2, written.Inserted);
        Assert.Equal("王伟", (await Lists.FindAsync("L-2"))!.SubjectName);
    }

    [Fact]
    public async Task HoldsNoFullResidentIdNumberAfterImportingPersons()
    {
        await ImportAcceptedAsync(Files.Csv(
            ImportFiles.Person("P-1"),
            ImportFiles.With(ImportFiles.Person("P-2"), "id_number", ImportFiles.OtherIdNumber),
            ImportFiles.Organisation("P-3")));
        await ImportAcceptedAsync(Files.JsonLines(ImportFiles.With(ImportFiles.Person("P-4"), "id_number", ImportFiles.OtherIdNumber.ToLowerInvariant())), replace: true);

        var stored = await ReadEverythingStoredAsync();

        Assert.Contains(ResidentIdNumber.Mask(ImportFiles.OtherIdNumber), stored, StringComparison.Ordinal);
        foreach (var number in new[] { ImportFiles.IdNumber, ImportFiles.OtherIdNumber })
        {
            Assert.DoesNotContain(number, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(number[..14], stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LoadsTheDemonstrationSetOnlyIntoAnEmptyStore()
    {
        var path = Path.Combine(Files.Folder, "demo.csv");
        new DemoDataGenerator().WriteCsv(path, 300, new DateOnly(2025, 6, 30));

        var first = await Importer.ImportAsync(path, new ImportOptions { OnlyIfEmpty = true });
        var second = await Importer.ImportAsync(path, new ImportOptions { OnlyIfEmpty = true });

        Assert.Equal(300, first.Written!.Inserted);
        Assert.True(second.Written!.Skipped);
        Assert.Equal(first.Written.ChangeSeq, await Lists.CurrentSequenceAsync());
        Assert.Equal(300, await Lists.CountAsync());
    }

    [Fact]
    public async Task ImportsGeneratedDemoDataAndPagesThroughAllOfIt()
    {
        var path = Path.Combine(Files.Folder, "demo.csv");
        new DemoDataGenerator(5).WriteCsv(path, 2000, new DateOnly(2025, 6, 30));

        var written = await ImportAcceptedAsync(path);

        Assert.Equal(2000, written.Inserted);
        var all = new List<ListEntry>();
        await foreach (var page in Lists.ReadAllAsync(333))
        {
            all.AddRange(page);
        }

        Assert.Equal(2000, all.Select(e => e.EntryId).Distinct().Count());
        Assert.Equal(2000, (await ReadChangedAsync(0, written.ChangeSeq, 150)).Select(e => e.EntryId).Distinct().Count());
    }

    [Fact]
    public async Task KeepsEveryIndexAfterTheFirstImportIntoAnEmptyStore()
    {
        // The first import builds the secondary indexes after the rows (faster); they must all come back.
        var before = await ListEntryIndexNamesAsync();

        await ImportAcceptedAsync(Files.Csv(ImportFiles.Organisation(), ImportFiles.Person()));

        Assert.Contains("ix_list_entries_uscc", before);
        Assert.Contains("ix_list_entries_change_seq_entry_id", before);
        Assert.Equal(before, await ListEntryIndexNamesAsync());
    }

    [Fact]
    public async Task RejectedWriteIntoAnEmptyStoreLeavesItEmptyWithItsIndexes()
    {
        var before = await ListEntryIndexNamesAsync();
        var path = Files.Csv(ImportFiles.Organisation("W-1"), ImportFiles.Person("W-2"));

        await Assert.ThrowsAsync<ImportFileChangedException>(() => Lists.WriteAsync(Broken(path), new ListWrite { Source = "broken" }));

        Assert.Equal(0, await Lists.CountAsync());
        Assert.Equal(0, await Lists.CurrentSequenceAsync());
        Assert.Equal(before, await ListEntryIndexNamesAsync());

        IEnumerable<ListEntry> Broken(string file)
        {
            var report = new ImportReport("broken");
            using var reader = new ImportFileReader(file, ListImportColumns.Set);
            var validator = new ListEntryValidator(ImportFiles.Hasher(), ImportFiles.Catalogue(), new DateOnly(2025, 6, 30));
            foreach (var row in reader.ReadRows(report))
            {
                yield return validator.Validate(row, report, ImportFiles.Now)!;
            }

            // As when the file changes between the validation pass and the write pass.
            throw new ImportFileChangedException();
        }
    }

    private async Task<List<ListEntry>> ReadChangedAsync(long after, long upTo, int pageSize = 100)
    {
        var entries = new List<ListEntry>();
        await foreach (var page in Lists.ReadChangedAsync(after, upTo, pageSize))
        {
            entries.AddRange(page);
        }

        return entries;
    }
}
