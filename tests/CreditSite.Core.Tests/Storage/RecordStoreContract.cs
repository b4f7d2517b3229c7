using CreditSite.Core.Tests.Import;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Core.Tests.Storage;

/// <summary>Public records (行政处罚, 行政许可, 信用承诺) and registry records (基础信息) imported into the store, run
/// against each provider by a subclass: every column round-trips, a re-import keeps the first import time, a replace
/// touches only its kind and leaves tombstones, the change feed, all-or-nothing, and no full resident ID number.</summary>
public abstract class RecordStoreContract : IAsyncLifetime
{
    private readonly TestDatabase _database;
    private CreditStore? _store;

    protected RecordStoreContract(TestDatabase database) => _database = database;

    private ImportFiles Files { get; } = new();

    private CreditStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    private RecordStore Records => new(Store);

    public async Task InitializeAsync()
    {
        _store = await _database.CreateAsync(Files.Folder);
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DropAsync();
        Files.Dispose();
    }

    private async Task<ListWriteOutcome> ImportAsync(ImportKind kind, string path, bool replace = false, TimeProvider? clock = null)
    {
        var result = await RecordRows.Importer(Store, clock).ImportAsync(kind, path, new ImportOptions { Replace = replace });
        Assert.True(result.Accepted, result.Report.Describe());
        return result.Written!;
    }

    [Fact]
    public async Task StoresEveryColumnOfPenalties()
    {
        var simplified = RecordRows.Penalty("CF-3");
        simplified["penalty_types"] = "警告";
        simplified["fine_amount"] = "";
        simplified["confiscated_amount"] = "";
        simplified["severity"] = "minor";
        simplified["simplified_procedure"] = "TRUE";
        simplified["public_until"] = "";
        var organisation = ImportFiles.With(ImportFiles.With(RecordRows.Penalty("CF-1"), "confiscated_amount", "0.123456"), "penalty_types", "罚款；没收违法所得、罚款");
        var person = ImportFiles.With(RecordRows.PersonPenalty("CF-2"), "public_until", "");

        var written = await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, organisation, person, simplified));

        Assert.Equal((3, 3, 0, 0), (written.Rows, written.Inserted, written.Updated, written.Removed));
        var penalty = (await Records.FindAsync(RecordKind.Penalty, "CF-1"))!;
        Assert.Equal(RecordKind.Penalty, penalty.Kind);
        Assert.Equal(SubjectType.LegalPerson, penalty.SubjectType);
        Assert.Equal("常州天宁恒达食品有限公司", penalty.SubjectName);
        Assert.Equal(ImportFiles.Uscc, penalty.Uscc);
        Assert.Equal(ImportFiles.Uscc, penalty.SubjectKey);
        Assert.Equal("张建国", penalty.LegalRepresentative);
        Assert.Null(penalty.ResidentIdHash);
        Assert.Equal("常市监罚〔2025〕123号", penalty.DecisionNumber);
        Assert.Equal("经营超过保质期的食品", penalty.ViolationType);
        Assert.Equal("经营超过保质期的预包装食品 46 件。", penalty.Facts);
        Assert.Equal("《中华人民共和国食品安全法》第一百二十四条", penalty.LegalBasis);
        Assert.Equal(["罚款", "没收违法所得"], penalty.PenaltyTypes);
        Assert.Equal("罚款 5 万元，没收违法所得 0.32 万元。", penalty.Content);
        Assert.Equal(5m, penalty.FineAmount);
        Assert.Equal(0.123456m, penalty.ConfiscatedAmount);
        Assert.Null(penalty.LicenceAffected);
        Assert.Equal(new DateOnly(2025, 3, 1), penalty.DecisionDate);
        Assert.Equal(Severity.General, penalty.Severity);
        Assert.False(penalty.SimplifiedProcedure);
        Assert.False(penalty.Unpublished);
        Assert.Equal(new DateOnly(2026, 3, 1), penalty.PublicUntil);
        Assert.Equal("市市场监督管理局", penalty.Department);
        Assert.Equal(RecordRows.DepartmentUscc, penalty.DepartmentUscc);
        Assert.Equal("市市场监督管理局", penalty.SourceDepartment);
        Assert.Equal("食品药品", penalty.Field);
        Assert.Equal(RecordStatus.Active, penalty.Status);
        Assert.Equal(ImportFiles.Now, penalty.ImportedAt);
        Assert.Equal(ImportFiles.Now, penalty.FirstImportedAt);

        var ofPerson = (await Records.FindAsync(RecordKind.Penalty, "CF-2"))!;
        var hash = ImportFiles.Hasher().Hash(ResidentIdNumber.Complete(ImportFiles.IdNumber[..17]));
        Assert.Equal(SubjectType.NaturalPerson, ofPerson.SubjectType);
        Assert.Null(ofPerson.Uscc);
        Assert.Null(ofPerson.LegalRepresentative);
        Assert.Equal(hash, ofPerson.ResidentIdHash);
        Assert.Equal(ResidentIdNumber.Mask(ImportFiles.IdNumber), ofPerson.MaskedIdNumber);
        Assert.Equal(ImportFiles.Hasher().SubjectKey(hash), ofPerson.SubjectKey);
        Assert.Equal(1.5m, ofPerson.FineAmount);
        Assert.Null(ofPerson.ConfiscatedAmount);
        Assert.Null(ofPerson.SourceDepartment);
        Assert.Equal(new DateOnly(2026, 3, 1), ofPerson.PublicUntil); // empty: the catalogue's maximum, 1 year for general

        var simple = (await Records.FindAsync(RecordKind.Penalty, "CF-3"))!;
        Assert.True(simple.SimplifiedProcedure);
        Assert.True(simple.Unpublished); // catalogue: publish_simplified_procedure: false
        Assert.False(simple.IsPublicOn(new DateOnly(2025, 4, 1)));
        Assert.Equal(new DateOnly(2025, 6, 1), simple.PublicUntil); // empty: 3 months for minor
        Assert.Equal(["警告"], simple.PenaltyTypes);
        Assert.Null(simple.FineAmount);
    }

    [Fact]
    public async Task StoresEveryColumnOfLicencesCommitmentsAndRegistryRecords()
    {
        var person = ImportFiles.With(ImportFiles.With(ImportFiles.With(RecordRows.Licence("XK-2"), "subject_type", "individual_business"), "uscc", ""), "id_number", ImportFiles.OtherIdNumber);
        person["valid_to"] = "";
        await ImportAsync(ImportKind.Licence, Files.Csv(ImportKind.Licence, RecordRows.Licence("XK-1"), person));
        await ImportAsync(ImportKind.Commitment, Files.Csv(ImportKind.Commitment, RecordRows.Commitment("CN-1"), ImportFiles.With(RecordRows.Commitment("CN-2"), "public_until", "")));
        await ImportAsync(ImportKind.Subject, Files.Csv(ImportKind.Subject, RecordRows.Subject(ImportFiles.Uscc.ToLowerInvariant()), ImportFiles.With(RecordRows.Subject(ImportFiles.OtherUscc), "former_names", "")));

        var licence = (await Records.FindAsync(RecordKind.Licence, "XK-1"))!;
        Assert.Equal(("关于准予排污许可的决定", "常环许〔2025〕56号", "普通"), (licence.DecisionTitle, licence.DecisionNumber, licence.Category));
        Assert.Equal(("排污许可证", "91320412MA20K7QD0U001V"), (licence.CertificateName, licence.CertificateNumber));
        Assert.Equal("准予按排污许可证载明的种类、浓度和总量排放污染物。", licence.Content);
        Assert.Equal((new DateOnly(2025, 2, 18), new DateOnly(2025, 2, 18), new DateOnly(2030, 2, 17)), (licence.DecisionDate, licence.ValidFrom!.Value, licence.ValidTo!.Value));
        Assert.Equal(licence.ValidTo, licence.PublicUntil);
        Assert.Equal(("市生态环境局", "生态环境", RecordStatus.Valid), (licence.Department, licence.Field, licence.Status));
        Assert.Equal(ImportFiles.OtherUscc, licence.Uscc);
        Assert.Empty(licence.PenaltyTypes);
        Assert.Null(licence.Severity);

        var business = (await Records.FindAsync(RecordKind.Licence, "XK-2"))!;
        Assert.Equal(SubjectType.IndividualBusiness, business.SubjectType);
        Assert.Null(business.Uscc);
        Assert.Equal(ResidentIdNumber.Mask(ImportFiles.OtherIdNumber), business.MaskedIdNumber);
        Assert.Matches("^[0-9a-f]{20}$", business.SubjectKey);
        Assert.Null(business.PublicUntil); // no end of validity: public while valid

        var commitment = (await Records.FindAsync(RecordKind.Commitment, "CN-1"))!;
        Assert.Equal(("证明事项告知承诺", "承诺提交的材料真实有效。"), (commitment.Category, commitment.Content));
        Assert.Equal((new DateOnly(2025, 3, 20), "市行政审批局"), (commitment.DecisionDate, commitment.Department));
        Assert.Equal(new DateOnly(2027, 3, 20), commitment.PublicUntil);
        Assert.Equal(string.Empty, commitment.DecisionNumber);
        Assert.Equal(new DateOnly(2028, 3, 20), (await Records.FindAsync(RecordKind.Commitment, "CN-2"))!.PublicUntil); // empty: 3 years

        var subject = (await Records.FindSubjectAsync(ImportFiles.Uscc))!;
        Assert.Equal("常州天宁恒达食品有限公司", subject.Name);
        Assert.Equal(["常州天宁恒达副食品有限公司", "常州恒达食品厂"], subject.FormerNames);
        Assert.Equal(("有限责任公司（自然人投资或控股）", "张建国", new DateOnly(2016, 3, 8)), (subject.EntityType, subject.LegalRepresentative, subject.RegisteredOn!.Value));
        Assert.Equal(("常州市天宁区市场监督管理局", "常州市天宁区青洋北路 18 号", "存续"), (subject.RegistrationAuthority, subject.Address, subject.Status));
        Assert.Equal(ImportFiles.Now, subject.ImportedAt);
        Assert.Empty((await Records.FindSubjectAsync(ImportFiles.OtherUscc))!.FormerNames);
    }

    [Fact]
    public async Task ImportsJsonLinesWithArraysNumbersAndBooleans()
    {
        var penalty = Files.Write("penalties.jsonl",
            $$"""{"record_id":"J-1","subject_type":"legal_person","subject_name":"常州天宁恒达食品有限公司","uscc":"{{ImportFiles.Uscc}}","decision_number":"常市监罚〔2025〕9号","violation_type":"虚假宣传","facts":"发布虚假广告。","legal_basis":"《中华人民共和国广告法》第五十五条","penalty_types":["罚款","没收违法所得"],"content":"罚款并没收违法所得。","fine_amount":12.5,"confiscated_amount":0.8,"decision_date":"2025-04-01","severity":"serious","simplified_procedure":false,"public_until":null,"department":"市市场监督管理局","status":"active"}""" + "\n");
        var subjects = Files.Write("subjects.jsonl",
            $$"""{"uscc":"{{ImportFiles.Uscc}}","name":"常州天宁恒达食品有限公司","former_names":["常州恒达食品厂"],"status":"存续"}""" + "\n");

        await ImportAsync(ImportKind.Penalty, penalty);
        await ImportAsync(ImportKind.Subject, subjects);

        var stored = (await Records.FindAsync(RecordKind.Penalty, "J-1"))!;
        Assert.Equal(["罚款", "没收违法所得"], stored.PenaltyTypes);
        Assert.Equal((12.5m, 0.8m), (stored.FineAmount!.Value, stored.ConfiscatedAmount!.Value));
        Assert.Equal(new DateOnly(2028, 4, 1), stored.PublicUntil);
        Assert.Equal(["常州恒达食品厂"], (await Records.FindSubjectAsync(ImportFiles.Uscc))!.FormerNames);
    }

    [Fact]
    public async Task ReimportUpdatesTheRecordAndKeepsItsFirstImportTime()
    {
        await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("U-1"), RecordRows.Penalty("U-2")));
        var later = new FakeTimeProvider(ImportFiles.Now.AddDays(3));

        var written = await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty,
            ImportFiles.With(ImportFiles.With(RecordRows.Penalty("U-1"), "status", "repaired"), "content", "已完成信用修复。")), clock: later);

        Assert.Equal((1, 0, 1, 0), (written.Rows, written.Inserted, written.Updated, written.Removed));
        var record = (await Records.FindAsync(RecordKind.Penalty, "U-1"))!;
        Assert.Equal(RecordStatus.Repaired, record.Status);
        Assert.Equal("已完成信用修复。", record.Content);
        Assert.Equal(ImportFiles.Now.AddDays(3), record.ImportedAt);
        Assert.Equal(ImportFiles.Now, record.FirstImportedAt);
        Assert.Equal(RecordStatus.Active, (await Records.FindAsync(RecordKind.Penalty, "U-2"))!.Status);
    }

    [Fact]
    public async Task ReplaceRemovesOnlyRecordsOfItsKindAndLeavesTombstones()
    {
        var lists = new ListImporter(new ListStore(Store), ImportFiles.Hasher(), ImportFiles.Catalogue(), ImportFiles.Clock());
        Assert.True((await lists.ImportAsync(Files.Csv(ImportFiles.Organisation("E-1")))).Accepted);
        await ImportAsync(ImportKind.Licence, Files.Csv(ImportKind.Licence, RecordRows.Licence("X-1")));
        await ImportAsync(ImportKind.Commitment, Files.Csv(ImportKind.Commitment, RecordRows.Commitment("X-1")));
        var first = await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("X-1"), RecordRows.Penalty("X-2")));
        await ImportAsync(ImportKind.Subject, Files.Csv(ImportKind.Subject, RecordRows.Subject(ImportFiles.Uscc), RecordRows.Subject(ImportFiles.OtherUscc)));

        var penalties = await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("X-2"), RecordRows.Penalty("X-3")), replace: true);
        var subjects = await ImportAsync(ImportKind.Subject, Files.Csv(ImportKind.Subject, RecordRows.Subject(ImportFiles.OtherUscc)), replace: true);

        Assert.Equal((2, 1, 1, 1), (penalties.Rows, penalties.Inserted, penalties.Updated, penalties.Removed));
        Assert.Equal((1, 0, 1, 1), (subjects.Rows, subjects.Inserted, subjects.Updated, subjects.Removed));
        Assert.Null(await Records.FindAsync(RecordKind.Penalty, "X-1"));
        Assert.NotNull(await Records.FindAsync(RecordKind.Penalty, "X-3"));
        Assert.NotNull(await Records.FindAsync(RecordKind.Licence, "X-1"));
        Assert.NotNull(await Records.FindAsync(RecordKind.Commitment, "X-1"));
        Assert.NotNull(await new ListStore(Store).FindAsync("E-1"));
        Assert.Null(await Records.FindSubjectAsync(ImportFiles.Uscc));
        var removed = new List<RecordRemovalKey>();
        await foreach (var page in Records.ReadRemovedAsync(first.ChangeSeq, subjects.ChangeSeq, 100))
        {
            removed.AddRange(page);
        }

        Assert.Equal([new RecordRemovalKey("penalty", "X-1"), new RecordRemovalKey("subject", ImportFiles.Uscc)], removed);
    }

    [Fact]
    public async Task ChangeFeedReturnsWhatWasWrittenAfterASequence()
    {
        var first = await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("F-1"), RecordRows.Penalty("F-2")));
        var second = await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, ImportFiles.With(RecordRows.Penalty("F-2"), "status", "revoked")));
        var third = await ImportAsync(ImportKind.Subject, Files.Csv(ImportKind.Subject, RecordRows.Subject(ImportFiles.Uscc)));

        Assert.True(first.ChangeSeq < second.ChangeSeq && second.ChangeSeq < third.ChangeSeq);
        var sinceFirst = await ChangedRecordsAsync(first.ChangeSeq, third.ChangeSeq, pageSize: 1);
        Assert.Equal("F-2", Assert.Single(sinceFirst).RecordId);
        Assert.True(sinceFirst[0].IsWithdrawn);
        Assert.Equal(["F-1", "F-2"], (await ChangedRecordsAsync(0, third.ChangeSeq, pageSize: 1)).Select(r => r.RecordId).Order(StringComparer.Ordinal));
        Assert.Empty(await ChangedRecordsAsync(second.ChangeSeq, third.ChangeSeq, pageSize: 10));
        var subjects = new List<RegistrySubject>();
        await foreach (var page in Records.ReadChangedSubjectsAsync(second.ChangeSeq, third.ChangeSeq, 10))
        {
            subjects.AddRange(page);
        }

        Assert.Equal(ImportFiles.Uscc, Assert.Single(subjects).Uscc);
        Assert.Equal(2, await Records.CountChangedAsync(first.ChangeSeq, third.ChangeSeq));
        Assert.Equal(third.ChangeSeq, await new ListStore(Store).CurrentSequenceAsync());
    }

    [Fact]
    public async Task RejectedFileChangesNothingAlreadyStored()
    {
        await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("R-1"), RecordRows.Penalty("R-2")));
        var sequence = await new ListStore(Store).CurrentSequenceAsync();

        var result = await RecordRows.Importer(Store).ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty,
            ImportFiles.With(RecordRows.Penalty("R-1"), "status", "repaired"),
            RecordRows.Penalty("R-3"),
            ImportFiles.With(RecordRows.Penalty("R-4"), "fine_amount", "-5")), new ImportOptions { Replace = true });

        Assert.False(result.Accepted);
        Assert.Null(result.Written);
        Assert.Equal((4, "fine_amount"), (Assert.Single(result.Report.Problems).Line, Assert.Single(result.Report.Problems).Column));
        Assert.Equal(sequence, await new ListStore(Store).CurrentSequenceAsync());
        Assert.Equal(RecordStatus.Active, (await Records.FindAsync(RecordKind.Penalty, "R-1"))!.Status);
        Assert.NotNull(await Records.FindAsync(RecordKind.Penalty, "R-2"));
        Assert.Null(await Records.FindAsync(RecordKind.Penalty, "R-3"));
    }

    [Fact]
    public async Task AFileThatChangesBetweenTheTwoPassesWritesNothing()
    {
        await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("C-1")));
        var rows = Enumerable.Range(2, 3_000).Select(i => RecordRows.Penalty($"C-{i}")).ToArray();
        var path = Files.Csv(ImportKind.Penalty, rows);
        var broken = File.ReadAllText(Files.Csv(ImportKind.Penalty, [.. rows[..^1], ImportFiles.With(rows[^1], "status", "gone")]));
        var progress = new ChangeFileAfterValidation(path, broken);

        await Assert.ThrowsAsync<ImportFileChangedException>(() =>
            RecordRows.Importer(Store).ImportAsync(ImportKind.Penalty, path, new ImportOptions { Replace = true, Progress = progress }));

        Assert.True(progress.Changed);
        Assert.Equal(1, (await Records.DatasetAsync(RecordKind.Penalty)).Count);
        Assert.NotNull(await Records.FindAsync(RecordKind.Penalty, "C-1"));
    }

    /// <summary>Rewrites the file when the validation pass reports its end, before the write pass reads it again.</summary>
    private sealed class ChangeFileAfterValidation(string path, string text) : IProgress<ImportProgress>
    {
        public bool Changed { get; private set; }

        public void Report(ImportProgress value)
        {
            if (!Changed && value.Phase == ImportPhase.Validating && value.Bytes == value.TotalBytes)
            {
                File.WriteAllText(path, text);
                Changed = true;
            }
        }
    }

    [Fact]
    public async Task AFailedWriteIntoAnEmptyTableLeavesItEmptyWithItsIndexes()
    {
        var before = await _database.IndexNamesAsync("public_records");
        var path = Files.Csv(ImportKind.Penalty, RecordRows.Penalty("W-1"), RecordRows.PersonPenalty("W-2"));

        await Assert.ThrowsAsync<ImportFileChangedException>(() => Records.WriteRecordsAsync(RecordKind.Penalty, Broken(), new ListWrite { Source = "broken" }));
        await ImportAsync(ImportKind.Penalty, path);

        Assert.Equal(before, await _database.IndexNamesAsync("public_records"));
        Assert.Contains("ix_public_records_subject_key", before);
        Assert.Equal(2, (await Records.DatasetAsync(RecordKind.Penalty)).Count);

        IEnumerable<PublicRecord> Broken()
        {
            yield return new PublicRecord { Kind = RecordKind.Penalty, RecordId = "W-0", SubjectName = "x", SubjectKey = ImportFiles.Uscc };

            // As when the file changes between the validation pass and the write pass.
            throw new ImportFileChangedException();
        }
    }

    [Fact]
    public async Task ImportTimesAreStoredExactlyAsForListEntries()
    {
        var lists = new ListImporter(new ListStore(Store), ImportFiles.Hasher(), ImportFiles.Catalogue(), ImportFiles.Clock());
        Assert.True((await lists.ImportAsync(Files.Csv(ImportFiles.Organisation("T-1")))).Accepted);
        await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.Penalty("T-1")));
        await ImportAsync(ImportKind.Subject, Files.Csv(ImportKind.Subject, RecordRows.Subject()));

        await using var context = Store.CreateContext();
        var entry = await context.Database.SqlQueryRaw<string>("SELECT CAST(imported_at AS TEXT) AS \"Value\" FROM list_entries").SingleAsync();
        var record = await context.Database.SqlQueryRaw<string>("SELECT CAST(imported_at AS TEXT) AS \"Value\" FROM public_records").SingleAsync();
        var first = await context.Database.SqlQueryRaw<string>("SELECT CAST(first_imported_at AS TEXT) AS \"Value\" FROM public_records").SingleAsync();
        var subject = await context.Database.SqlQueryRaw<string>("SELECT CAST(imported_at AS TEXT) AS \"Value\" FROM registry_subjects").SingleAsync();

        // Compared as text by SQL (ordering, "imported since"), so the bulk writers must write what EF Core writes.
        Assert.Equal([entry, entry, entry], [record, first, subject]);
    }

    [Fact]
    public async Task HoldsNoFullResidentIdNumberAfterImportingPersons()
    {
        await ImportAsync(ImportKind.Penalty, Files.Csv(ImportKind.Penalty, RecordRows.PersonPenalty("P-1"), RecordRows.Penalty("P-2")));
        await ImportAsync(ImportKind.Licence, Files.Csv(ImportKind.Licence,
            ImportFiles.With(ImportFiles.With(ImportFiles.With(RecordRows.Licence("P-3"), "subject_type", "natural_person"), "uscc", ""), "id_number", ImportFiles.OtherIdNumber.ToLowerInvariant())));
        await ImportAsync(ImportKind.Commitment, Files.Csv(ImportKind.Commitment,
            ImportFiles.With(ImportFiles.With(ImportFiles.With(RecordRows.Commitment("P-4"), "subject_type", "natural_person"), "uscc", ""), "id_number", ImportFiles.IdNumber)), replace: true);

        var stored = await _database.ReadEverythingStoredAsync();

        Assert.Contains(ResidentIdNumber.Mask(ImportFiles.OtherIdNumber), stored, StringComparison.Ordinal);
        foreach (var number in new[] { ImportFiles.IdNumber, ImportFiles.OtherIdNumber })
        {
            Assert.DoesNotContain(number, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(number[..14], stored, StringComparison.Ordinal);
        }
    }

    private async Task<List<PublicRecord>> ChangedRecordsAsync(long after, long upTo, int pageSize)
    {
        var records = new List<PublicRecord>();
        await foreach (var page in Records.ReadChangedRecordsAsync(after, upTo, pageSize))
        {
            records.AddRange(page);
        }

        return records;
    }
}

/// <summary>The record store on a SQLite file, as the site uses it by default.</summary>
public sealed class SqliteRecordStoreTests() : RecordStoreContract(TestDatabase.Sqlite());

/// <summary>The record store on a real PostgreSQL server. Without <c>CREDITSITE_TEST_POSTGRES</c> every test here
/// fails, saying so.</summary>
public sealed class PostgresRecordStoreTests() : RecordStoreContract(TestDatabase.Postgres());
