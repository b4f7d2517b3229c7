using CreditSite.Core.Tests.Import;
using CreditSite.Hosting;
using CreditSite.Import;
using CreditSite.Identifiers;
using CreditSite.Indexing;
using CreditSite.Search;
using CreditSite.Search.Embedded;
using CreditSite.Storage;
using Microsoft.Data.Sqlite;

namespace CreditSite.Core.Tests.Indexing;

/// <summary>Store → index: the catch-up both the CLI and the site's synchroniser run, and the rebuild, against the real
/// embedded engine on disk and a real SQLite store.</summary>
public sealed class ListIndexerTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private readonly ImportFiles _files = new();
    private EmbeddedSearchEngine _engine = null!;
    private ListStore _store = null!;
    private ListImporter _importer = null!;
    private ListIndexer _indexer = null!;

    public async Task InitializeAsync()
    {
        var credit = CreditStore.FromOptions(new StorageOptions { DataPath = _files.Folder }, _files.Folder);
        await credit.MigrateAsync();
        _store = new ListStore(credit);
        _importer = new ListImporter(_store, ImportFiles.Hasher(), ImportFiles.Catalogue(), ImportFiles.Clock());
        _indexer = new ListIndexer(_store, new RecordStore(credit), new ListIndexCheckpoint(_files.Folder, "Embedded"));
        _engine = new EmbeddedSearchEngine(_files.Folder);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    // xUnit calls this after DisposeAsync: the engine has closed its index files by then.
    public void Dispose() => _files.Dispose();

    private async Task ImportAsync(string path, bool replace = false)
    {
        var result = await _importer.ImportAsync(path, new ImportOptions { Replace = replace });
        Assert.True(result.Accepted, result.Report.Describe());
    }

    private async Task<SearchResults> FindAsync(string? uscc = null, string? idHash = null) =>
        await _engine.SearchAsync(new SearchRequest
        {
            Identifier = new IdentifierFilter(uscc, idHash),
            Types = [DocumentType.ListEntry],
            Today = Today,
        });

    [Fact]
    public async Task CatchUpMakesImportedEntriesSearchableAndMovesTheCheckpoint()
    {
        await ImportAsync(_files.Csv(ImportFiles.Organisation("I-1"), ImportFiles.Person("I-2"), ImportFiles.Honour("I-3")));

        var outcome = await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);

        Assert.Equal(ListIndexState.Applied, outcome.State);
        Assert.Equal(3, outcome.Upserted);
        Assert.Equal(await _store.CurrentSequenceAsync(), _indexer.Checkpoint.Read());
        var hit = Assert.Single((await FindAsync(uscc: ImportFiles.Uscc)).Hits).Document;
        Assert.Equal("/subjects/" + ImportFiles.Uscc, hit.Url);
        var hash = ImportFiles.Hasher().Hash(ResidentIdNumber.Complete(ImportFiles.IdNumber[..17]));
        var person = Assert.Single((await FindAsync(idHash: hash)).Hits).Document;
        Assert.Equal(ResidentIdNumber.Mask(ImportFiles.IdNumber), person.MaskedIdNumber);
        Assert.Equal(ListIndexState.UpToDate, (await _indexer.CatchUpAsync(_engine, TimeSpan.Zero)).State);
    }

    [Fact]
    public async Task CatchUpAppliesUpdatesAndRemovalsFromLaterImports()
    {
        await ImportAsync(_files.Csv(ImportFiles.Organisation("I-1"), ImportFiles.Honour("I-3")));
        await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);

        await ImportAsync(_files.Csv(ImportFiles.With(ImportFiles.Organisation("I-1"), "status", "exited")));
        await ImportAsync(_files.Csv(ImportFiles.With(ImportFiles.Organisation("I-1"), "status", "under_objection"), ImportFiles.Person("I-2")), replace: true);
        var outcome = await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);

        Assert.Equal((2L, 1L), (outcome.Upserted, outcome.Deleted));
        Assert.Empty((await FindAsync(uscc: ImportFiles.OtherUscc)).Hits);
        Assert.Equal(CreditSite.Domain.EntryStatus.UnderObjection, Assert.Single((await FindAsync(uscc: ImportFiles.Uscc)).Hits).Document.Status);
    }

    [Fact]
    public async Task AnotherHolderOfTheIndexingLockMeansBusyAndNothingIsLost()
    {
        await ImportAsync(_files.Csv(ImportFiles.Organisation("I-1")));

        using (await _indexer.Checkpoint.AcquireAsync(TimeSpan.Zero))
        {
            Assert.Equal(ListIndexState.Busy, (await _indexer.CatchUpAsync(_engine, TimeSpan.Zero)).State);
        }

        Assert.Equal(0, _indexer.Checkpoint.Read());
        Assert.Equal(1, (await _indexer.CatchUpAsync(_engine, TimeSpan.Zero)).Upserted);
    }

    [Fact]
    public async Task RebuildHoldsEntriesAndContentAndSetsTheCheckpoint()
    {
        await ImportAsync(_files.Csv(ImportFiles.Organisation("I-1"), ImportFiles.Honour("I-3")));
        var policy = new SearchDocument
        {
            Id = "policy:test", Type = DocumentType.Policy, Title = "关于印发社会信用体系建设任务分工的通知", Url = "/policies/test",
            Date = new DateOnly(2019, 5, 1),
        };

        var outcome = await _indexer.RebuildAsync(_engine, Documents(policy), TimeSpan.Zero);

        Assert.Equal(3, outcome.Upserted);
        Assert.Equal(3, await _engine.CountAsync());
        Assert.Equal(await _store.CurrentSequenceAsync(), _indexer.Checkpoint.Read());
        Assert.Equal(ListIndexState.UpToDate, (await _indexer.CatchUpAsync(_engine, TimeSpan.Zero)).State);
    }

    [Fact]
    public async Task StartsAgainFromZeroWhenTheIndexLostItsEntries()
    {
        await ImportAsync(_files.Csv(ImportFiles.Organisation("I-1")));
        await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);
        await _engine.DeleteAsync([ListEntryDocuments.DocumentId("I-1")]);

        await _indexer.ResetIfIndexLostAsync(_engine);
        await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);

        Assert.Single((await FindAsync(uscc: ImportFiles.Uscc)).Hits);
    }

    private static async IAsyncEnumerable<SearchDocument> Documents(params SearchDocument[] documents)
    {
        foreach (var document in documents)
        {
            yield return document;
        }

        await Task.CompletedTask;
    }
}
