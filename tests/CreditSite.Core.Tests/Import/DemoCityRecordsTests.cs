using System.Globalization;
using CreditSite.Domain;
using CreditSite.Import;
using CreditSite.Storage;

namespace CreditSite.Core.Tests.Import;

/// <summary>The benchmark's ten years of records (<c>demo-data --kind …</c>): each kind's file passes the importer's
/// validation, the same seed gives the same file, the kinds share one pool of subjects under one name per code, and the
/// decisions spread over ten years up to today.</summary>
public sealed class DemoCityRecordsTests : IDisposable
{
    private const int Pool = 600;
    private static readonly DateOnly Today = DateOnly.FromDateTime(ImportFiles.Now.DateTime);

    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Write(ImportKind kind, int count, int seed = DemoDataGenerator.DefaultSeed)
    {
        var path = Path.Combine(_files.Folder, $"{kind.Code()}-{seed}.csv");
        new DemoCityRecords(ImportFiles.Catalogue(), seed).WriteCsv(path, kind.RecordKindOf(), count, Pool, Today);
        return path;
    }

    private static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        // Demonstration values hold no quoted commas in the columns read here (codes, names, dates, ids).
        return [.. lines.Skip(1).Select(line => Split(line).Select((v, i) => (header[i], v)).ToDictionary(p => p.Item1, p => p.v))];
    }

    /// <summary>RFC 4180 fields of one line (no line breaks inside values in these files).</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    [Theory]
    [InlineData(ImportKind.Licence, 3_000)]
    [InlineData(ImportKind.Penalty, 3_000)]
    [InlineData(ImportKind.Commitment, 1_500)]
    [InlineData(ImportKind.Subject, 0)]
    public void EachKindsFilePassesTheImportersValidation(ImportKind kind, int count)
    {
        var path = Write(kind, count);

        var report = RecordRows.Importer(new CreditStore(Hosting.StoreProvider.Sqlite, $"Data Source={Path.Combine(_files.Folder, "unused.db")}"))
            .Validate(kind, path);

        Assert.True(report.Accepted, report.Describe());
        Assert.Equal(count > 0 ? count : Rows(path).Count, report.Rows);
    }

    [Fact]
    public void TheSameSeedGivesTheSameFileAndAnotherSeedAnother()
    {
        var first = File.ReadAllText(Write(ImportKind.Penalty, 500));
        var again = File.ReadAllText(Write(ImportKind.Penalty, 500, DemoDataGenerator.DefaultSeed));
        var other = File.ReadAllText(Write(ImportKind.Penalty, 500, 7));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void CompaniesHaveSeveralRecordsOfSeveralKindsUnderOneNamePerCode()
    {
        var records = new[] { ImportKind.Licence, ImportKind.Penalty, ImportKind.Commitment }
            .SelectMany(kind => Rows(Write(kind, 2_000)).Select(r => (Kind: kind, Code: r["uscc"], Name: r["subject_name"])))
            .Where(r => r.Code.Length > 0).ToList();
        var registry = Rows(Write(ImportKind.Subject, 0)).ToDictionary(r => r["uscc"], r => r["name"]);

        var kindsPerCompany = records.GroupBy(r => r.Code).Select(g => g.Select(r => r.Kind).Distinct().Count()).ToList();
        var misnamed = records.Where(r => !registry.TryGetValue(r.Code, out var name) || name != r.Name).Select(r => $"{r.Code} {r.Name}").ToList();

        Assert.True(misnamed.Count == 0, "记录的主体没有基础信息，或名称与基础信息不同：\n" + string.Join("\n", misnamed.Take(10)));
        Assert.True(kindsPerCompany.Count(k => k == 3) > Pool / 10, $"有三种记录的企业只有 {kindsPerCompany.Count(k => k == 3)} 家");
        Assert.True(records.Count / (double)kindsPerCompany.Count > 4, "平均每家企业的记录太少");
    }

    [Fact]
    public void DecisionsSpreadOverTenYearsUpToToday()
    {
        var days = Rows(Write(ImportKind.Licence, 2_000))
            .Select(r => DateOnly.ParseExact(r["decision_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

        Assert.All(days, day => Assert.InRange(day, Today.AddYears(-10), Today));
        Assert.True(days.Min() < Today.AddYears(-9) && days.Max() > Today.AddMonths(-3), $"{days.Min()} – {days.Max()}");
        Assert.True(days.Count(d => d < Today.AddYears(-5)) > days.Count / 3, "前五年的决定太少");
    }
}
