using System.Text;
using CreditSite.Core.Tests.Import;
using CreditSite.Hosting;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Indexing;
using CreditSite.Search;
using CreditSite.Search.Embedded;
using CreditSite.Storage;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;

namespace CreditSite.Core.Tests.Indexing;

/// <summary>Imported public and registry records become searchable through the same catch-up list entries use, a
/// <c>--replace</c> removal leaves the index, and the index holds no person's full ID number — against the real embedded
/// engine on disk and a real SQLite store.</summary>
public sealed class RecordIndexingTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private readonly ImportFiles _files = new();
    private EmbeddedSearchEngine _engine = null!;
    private CreditStore _store = null!;
    private ListIndexer _indexer = null!;

    public async Task InitializeAsync()
    {
        _store = CreditStore.FromOptions(new StorageOptions { DataPath = _files.Folder }, _files.Folder);
        await _store.MigrateAsync();
        _indexer = new ListIndexer(new ListStore(_store), new RecordStore(_store), new ListIndexCheckpoint(_files.Folder, "Embedded"));
        _engine = new EmbeddedSearchEngine(_files.Folder);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    // xUnit calls this after DisposeAsync: the engine has closed its index files by then.
    public void Dispose() => _files.Dispose();

    private async Task ImportAsync(ImportKind kind, string path, bool replace = false)
    {
        var result = await RecordRows.Importer(_store).ImportAsync(kind, path, new ImportOptions { Replace = replace });
        Assert.True(result.Accepted, result.Report.Describe());
    }

    private Task<SearchResults> FindAsync(DocumentType type, string? uscc = null, string? idHash = null) =>
        _engine.SearchAsync(new SearchRequest { Identifier = new IdentifierFilter(uscc, idHash), Types = [type], Today = Today });

    private static string HashOf(string idNumber) => ImportFiles.Hasher().Hash(ResidentIdNumber.Complete(idNumber[..17]));

    [Fact]
    public async Task ImportedRecordsAndRegistryRecordsBecomeSearchable()
    {
        await ImportAsync(ImportKind.Penalty, _files.Csv(ImportKind.Penalty, RecordRows.Penalty("CF-1"), RecordRows.PersonPenalty("CF-2")));
        await ImportAsync(ImportKind.Licence, _files.Csv(ImportKind.Licence, RecordRows.Licence("XK-1")));
        await ImportAsync(ImportKind.Subject, _files.Csv(ImportKind.Subject, RecordRows.Subject(ImportFiles.Uscc)));

        var outcome = await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);

        Assert.Equal((ListIndexState.Applied, 4L), (outcome.State, outcome.Upserted));
        var penalty = Assert.Single((await FindAsync(DocumentType.Penalty, uscc: ImportFiles.Uscc)).Hits).Document;
        Assert.Equal(("/records/penalty/CF-1", "常市监罚〔2025〕123号"), (penalty.Url, penalty.DecisionNumber));
        Assert.Equal(["罚款", "没收违法所得"], penalty.PenaltyTypes);
        var ofPerson = Assert.Single((await FindAsync(DocumentType.Penalty, idHash: HashOf(ImportFiles.IdNumber))).Hits).Document;
        Assert.Equal(ResidentIdNumber.Mask(ImportFiles.IdNumber), ofPerson.MaskedIdNumber);
        Assert.Equal("/records/licence/XK-1", Assert.Single((await FindAsync(DocumentType.Licence, uscc: ImportFiles.OtherUscc)).Hits).Document.Url);
        var subject = Assert.Single((await FindAsync(DocumentType.Subject, uscc: ImportFiles.Uscc)).Hits).Document;
        Assert.Equal(["常州天宁恒达副食品有限公司", "常州恒达食品厂"], subject.FormerNames);
        Assert.Equal(ListIndexState.UpToDate, (await _indexer.CatchUpAsync(_engine, TimeSpan.Zero)).State);
    }

    [Fact]
    public async Task AReplaceRemovalLeavesTheIndexAndOtherKindsStay()
    {
        await ImportAsync(ImportKind.Penalty, _files.Csv(ImportKind.Penalty, RecordRows.Penalty("CF-1"), RecordRows.PersonPenalty("CF-2")));
        await ImportAsync(ImportKind.Commitment, _files.Csv(ImportKind.Commitment, RecordRows.Commitment("CN-1")));
        await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);
        Assert.Single((await FindAsync(DocumentType.Penalty, uscc: ImportFiles.Uscc)).Hits);

        await ImportAsync(ImportKind.Penalty, _files.Csv(ImportKind.Penalty, RecordRows.PersonPenalty("CF-2")), replace: true);
        var outcome = await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);

        Assert.Equal((1L, 1L), (outcome.Upserted, outcome.Deleted));
        Assert.Empty((await FindAsync(DocumentType.Penalty, uscc: ImportFiles.Uscc)).Hits);
        Assert.Single((await FindAsync(DocumentType.Penalty, idHash: HashOf(ImportFiles.IdNumber))).Hits);
        Assert.Single((await FindAsync(DocumentType.Commitment, uscc: ImportFiles.Uscc)).Hits);
    }

    [Fact]
    public async Task ARejectedFileLeavesTheStoreAndTheIndexAsTheyWere()
    {
        await ImportAsync(ImportKind.Penalty, _files.Csv(ImportKind.Penalty, RecordRows.Penalty("CF-1")));
        await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);

        var result = await RecordRows.Importer(_store).ImportAsync(ImportKind.Penalty, _files.Csv(ImportKind.Penalty,
            ImportFiles.With(RecordRows.Penalty("CF-1"), "status", "revoked"),
            RecordRows.PersonPenalty("CF-2"),
            ImportFiles.With(RecordRows.Penalty("CF-3"), "penalty_types", "罚金")), new ImportOptions { Replace = true });

        Assert.False(result.Accepted);
        Assert.Equal(ListIndexState.UpToDate, (await _indexer.CatchUpAsync(_engine, TimeSpan.Zero)).State);
        var hit = Assert.Single((await FindAsync(DocumentType.Penalty, uscc: ImportFiles.Uscc)).Hits).Document;
        Assert.Equal(CreditSite.Domain.RecordStatus.Active, hit.RecordStatus);
        Assert.Empty((await FindAsync(DocumentType.Penalty, idHash: HashOf(ImportFiles.IdNumber))).Hits);
    }

    [Fact]
    public async Task NeitherTheDatabaseNorTheIndexHoldsAPenalisedPersonsFullIdNumber()
    {
        var number = ResidentIdNumber.Complete(ImportFiles.OtherIdNumber[..17]);
        await ImportAsync(ImportKind.Penalty, _files.Csv(ImportKind.Penalty,
            ImportFiles.With(RecordRows.PersonPenalty("CF-9"), "id_number", number.Value.ToLowerInvariant())));
        await _indexer.CatchUpAsync(_engine, TimeSpan.Zero);
        Assert.Single((await FindAsync(DocumentType.Penalty, idHash: HashOf(number.Value))).Hits);

        // Every term of every field and every stored value of the index, decoded...
        var seen = new StringBuilder();
        using (var reader = DirectoryReader.Open(FSDirectory.Open(Path.Combine(_engine.IndexPath, _engine.CurrentVersion!))))
        {
            foreach (var context in reader.Leaves)
            {
                foreach (var field in context.AtomicReader.Fields)
                {
                    var terms = context.AtomicReader.Fields.GetTerms(field).GetEnumerator();
                    while (terms.MoveNext())
                    {
                        seen.Append(terms.Term.Utf8ToString()).Append('\n');
                    }
                }

                for (var doc = 0; doc < context.AtomicReader.MaxDoc; doc++)
                {
                    foreach (var stored in context.AtomicReader.Document(doc).Fields)
                    {
                        seen.Append(stored.GetStringValue(System.Globalization.CultureInfo.InvariantCulture) ?? stored.GetBinaryValue()?.Utf8ToString()).Append('\n');
                    }
                }
            }
        }

        Assert.Contains(number.Masked, seen.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(number.Value, seen.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(number.Value[6..14], seen.ToString(), StringComparison.Ordinal);

        // ...and the raw bytes of every file in the data folder (the database, its log and the index) but the import file.
        SqliteConnection.ClearAllPools();
        var files = System.IO.Directory.EnumerateFiles(_files.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.StartsWith(_engine.IndexPath, StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(CreditStore.SqliteFileName, StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var form in new[] { number.Value, number.Value.ToLowerInvariant(), number.Value[..14] })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(form)) < 0, $"{file} holds {form}");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(form)) < 0, $"{file} holds {form} (UTF-16)");
            }
        }
    }
}
