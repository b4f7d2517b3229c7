using System.Globalization;
using System.Text;
using CreditSite.Domain;
using C = CreditSite.Import.RecordImportColumns;

namespace CreditSite.Import;

/// <summary>Benchmark sets of public records as import CSV (<c>creditsite demo-data --kind licence|penalty|commitment|subject</c>):
/// any number of licences, penalties or commitments over the last ten years, about a pool of the demonstration subjects
/// — the subjects numbered below the pool size, which are those of a list set of <c>pool / 0.6</c> entries with the same
/// seed — so companies have several records of several kinds, and registry records for the pool's organisations. Each
/// record is made from its own number, so a set streams in constant memory, and the same seed, count, pool and day
/// always give the same file. Made by the first-start set's builders (<see cref="DemoRecordGenerator"/>), so names,
/// codes, departments, numbers, categories, statuses and periods follow the same rules and the catalogue.</summary>
public sealed class DemoCityRecords(CreditCatalogue catalogue, int seed = DemoDataGenerator.DefaultSeed)
{
    /// <summary>A city's ten years of records.</summary>
    public const int Years = 10;

    /// <summary>The number of subjects a list set of <paramref name="listCount"/> entries draws from (as
    /// <see cref="DemoDataGenerator"/> does).</summary>
    public static int PoolOf(int listCount) => Math.Max(1, (int)(listCount * 0.6));

    /// <summary>Writes <paramref name="count"/> records of <paramref name="kind"/> about the first
    /// <paramref name="pool"/> subjects; returns the number written.</summary>
    public long WriteCsv(TextWriter writer, RecordKind kind, int count, int pool, DateOnly today, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pool);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pool, DemoDataGenerator.MaxCount);
        var columns = RecordImportColumns.Of(kind);
        var build = new DemoRecordBuild(null, catalogue, seed, today, Years);
        var subjects = new DemoSubjects(seed);
        var values = new string?[columns.Count];
        WriteHeader(writer, columns);
        for (var n = 1; n <= count; n++)
        {
            var (record, idNumber) = build.BulkRecord(kind, subjects, pool, n);
            Fill(values, columns, record, idNumber);
            ListCsvWriter.WriteRow(writer, values);
            if (n % 10_000 == 0)
            {
                progress?.Report(n);
            }
        }

        progress?.Report(count);
        return count;
    }

    /// <summary>Writes the registry record (基础信息) of every organisation among the first <paramref name="pool"/>
    /// subjects; returns how many (about nine in ten of the pool).</summary>
    public long WriteRegistryCsv(TextWriter writer, int pool, DateOnly today, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pool);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pool, DemoDataGenerator.MaxCount);
        var columns = RecordImportColumns.Subject;
        var build = new DemoRecordBuild(null, catalogue, seed, today, Years);
        var subjects = new DemoSubjects(seed);
        var values = new string?[columns.Count];
        WriteHeader(writer, columns);
        long written = 0;
        for (var i = 0; i < pool; i++)
        {
            if (build.BulkRegistry(subjects.At(i)) is not { } registry)
            {
                continue;
            }

            Array.Clear(values);
            Set(values, columns, C.Uscc, registry.Uscc);
            Set(values, columns, C.Name, registry.Name);
            Set(values, columns, C.FormerNames, string.Join(';', registry.FormerNames));
            Set(values, columns, C.EntityType, registry.EntityType);
            Set(values, columns, C.LegalRepresentative, registry.LegalRepresentative);
            Set(values, columns, C.RegisteredOn, Day(registry.RegisteredOn));
            Set(values, columns, C.RegistrationAuthority, registry.RegistrationAuthority);
            Set(values, columns, C.Address, registry.Address);
            Set(values, columns, C.Status, registry.Status);
            ListCsvWriter.WriteRow(writer, values);
            if (++written % 10_000 == 0)
            {
                progress?.Report(written);
            }
        }

        progress?.Report(written);
        return written;
    }

    /// <summary>Writes to a file (UTF-8 without a byte order mark): <paramref name="kind"/> null means registry records,
    /// for which <paramref name="count"/> is not used.</summary>
    public long WriteCsv(string path, RecordKind? kind, int count, int pool, DateOnly today, IProgress<long>? progress = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        return kind is { } recordKind ? WriteCsv(writer, recordKind, count, pool, today, progress) : WriteRegistryCsv(writer, pool, today, progress);
    }

    private static void WriteHeader(TextWriter writer, ImportColumns columns)
    {
        writer.Write(string.Join(',', columns.All));
        writer.Write('\n');
    }

    /// <summary>The record in the columns of its kind's import file (docs/import-format.md).</summary>
    private static void Fill(string?[] values, ImportColumns columns, PublicRecord r, string? idNumber)
    {
        Array.Clear(values);
        Set(values, columns, C.RecordId, r.RecordId);
        Set(values, columns, C.SubjectType, r.SubjectType.Code());
        Set(values, columns, C.SubjectName, r.SubjectName);
        Set(values, columns, C.Uscc, r.Uscc);
        Set(values, columns, C.LegalRepresentative, r.LegalRepresentative);
        Set(values, columns, C.IdNumber, idNumber);
        Set(values, columns, C.DecisionNumber, r.DecisionNumber);
        Set(values, columns, C.Content, r.Content);
        Set(values, columns, C.Department, r.Department);
        Set(values, columns, C.DepartmentUscc, r.DepartmentUscc);
        Set(values, columns, C.SourceDepartment, r.SourceDepartment);
        Set(values, columns, C.Field, r.Field);
        Set(values, columns, C.Status, r.Status.Code());
        switch (r.Kind)
        {
            case RecordKind.Penalty:
                Set(values, columns, C.ViolationType, r.ViolationType);
                Set(values, columns, C.Facts, r.Facts);
                Set(values, columns, C.LegalBasis, r.LegalBasis);
                Set(values, columns, C.PenaltyTypes, string.Join(';', r.PenaltyTypes));
                Set(values, columns, C.FineAmount, Amount(r.FineAmount));
                Set(values, columns, C.ConfiscatedAmount, Amount(r.ConfiscatedAmount));
                Set(values, columns, C.LicenceAffected, r.LicenceAffected);
                Set(values, columns, C.DecisionDate, Day(r.DecisionDate));
                Set(values, columns, C.Severity, r.Severity?.Code());
                Set(values, columns, C.SimplifiedProcedure, r.SimplifiedProcedure ? "true" : "false");
                Set(values, columns, C.PublicUntil, Day(r.PublicUntil));
                break;
            case RecordKind.Licence:
                Set(values, columns, C.DecisionTitle, r.DecisionTitle);
                Set(values, columns, C.LicenceCategory, r.Category);
                Set(values, columns, C.CertificateName, r.CertificateName);
                Set(values, columns, C.CertificateNumber, r.CertificateNumber);
                Set(values, columns, C.DecisionDate, Day(r.DecisionDate));
                Set(values, columns, C.ValidFrom, Day(r.ValidFrom));
                Set(values, columns, C.ValidTo, Day(r.ValidTo));
                break;
            default:
                Set(values, columns, C.CommitmentType, r.Category);
                Set(values, columns, C.MadeOn, Day(r.DecisionDate));
                Set(values, columns, C.AcceptedBy, r.Department);
                Set(values, columns, C.PublicUntil, Day(r.PublicUntil));
                break;
        }
    }

    private static void Set(string?[] values, ImportColumns columns, string column, string? value)
    {
        var ordinal = columns.OrdinalOf(column);
        if (ordinal >= 0)
        {
            values[ordinal] = value;
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Amount(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture);
}
