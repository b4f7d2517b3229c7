using System.Globalization;
using System.Text;
using CreditSite.Domain;
using W = CreditSite.Import.DemoDataWords;

namespace CreditSite.Import;

/// <summary>Makes a fictitious but plausible set of Changzhou list entries for demonstrations and benchmarks:
/// Changzhou division codes, USCCs and resident ID numbers with valid check characters, one name per code and one code
/// per organisation name (<see cref="DemoSubjects"/>), the departments and fields of the 2019 notice, decision numbers
/// such as 常市监罚〔2024〕123号 whose year is the decision's, black-list entries that are all serious (严重失信主体名单)
/// with publication periods of one to three years, honours only for subjects never black-listed, and a mix of statuses
/// (mostly in public view, some exited, repaired, under objection or already past their date). The same seed, count
/// and <c>today</c> always give the same file.</summary>
public sealed class DemoDataGenerator(int seed = DemoDataGenerator.DefaultSeed)
{
    /// <summary>The year of the source notice.</summary>
    public const int DefaultSeed = 2019;

    /// <summary>The largest set: its six million subjects still get a code and a name each (<see cref="DemoSubjects"/>).</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>The departments that decide black-list entries of each 领域 (the 2019 notice).</summary>
    internal static readonly Dictionary<string, string[]> DepartmentsByField = BuildDepartmentsByField();

    private readonly int _seed = seed;
    private readonly DemoSubjects _subjects = new(seed);

    /// <summary>Rows in the order of <see cref="ListImportColumns.All"/>.</summary>
    public IEnumerable<string?[]> Rows(int count, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var random = new Random(_seed);
        // About 1.6 entries per subject: some subjects have several decisions, as in real data.
        var subjectCount = Math.Max(1, (int)(count * 0.6));
        var serial = new Dictionary<(string, int), int>();
        for (var n = 1; n <= count; n++)
        {
            var subject = _subjects.At(random.Next(subjectCount));
            yield return Entry(n, subject, random, today, serial);
        }
    }

    public void WriteCsv(TextWriter writer, int count, DateOnly today, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ListCsvWriter.WriteHeader(writer);
        long written = 0;
        foreach (var row in Rows(count, today))
        {
            ListCsvWriter.WriteRow(writer, row);
            if (++written % 10_000 == 0)
            {
                progress?.Report(written);
            }
        }

        progress?.Report(written);
    }

    public void WriteCsv(string path, int count, DateOnly today, IProgress<long>? progress = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        WriteCsv(writer, count, today, progress);
    }

    /// <summary>One decision about <paramref name="subject"/>: honoured subjects get honours (red list, no
    /// severity), the others black-list decisions, which are serious by definition (严重失信主体名单) and stay public
    /// between one and three years from the decision date. A decision number carries its decision date's year.</summary>
    private static string?[] Entry(int n, DemoSubject subject, Random random, DateOnly today, Dictionary<(string, int), int> serial)
    {
        var red = subject.Honoured;
        var decided = today.AddDays(-random.Next(0, 1200));
        string field, department, basis, summary;
        Severity? severity = null;
        DateOnly until;
        if (red)
        {
            var honours = subject.Type == SubjectType.NaturalPerson ? W.PersonHonours : W.OrganisationHonours;
            var honour = honours[random.Next(honours.Length)];
            (field, department, basis) = (honour.Field, honour.Department, honour.Basis);
            summary = honour.Text.Contains("年度", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"{decided.Year - 1}{honour.Text}")
                : honour.Text;
            until = decided.AddYears(random.Next(2, 4));
        }
        else
        {
            field = BlackField(subject, random);
            var departments = DepartmentsByField[field];
            department = departments[random.Next(departments.Length)];
            var reason = W.BlackReasons[field];
            basis = reason.Basis;
            summary = reason.Summaries[random.Next(reason.Summaries.Length)];
            severity = Severity.Serious;
            var minimum = decided.AddYears(1);
            var maximum = PublicationPeriod.Maximum(ListKind.Black, Severity.Serious, decided)!.Value;
            until = minimum.AddDays(random.Next(0, maximum.DayNumber - minimum.DayNumber + 1));
        }

        var status = random.Next(100) switch
        {
            < 82 => EntryStatus.Active,
            < 87 => EntryStatus.UnderObjection,
            < 93 => EntryStatus.Exited,
            _ => EntryStatus.Repaired,
        };
        if (status == EntryStatus.Repaired && (red || PublicationPeriod.RepairableFrom(severity!.Value, decided) > today))
        {
            status = EntryStatus.Active; // repair only exists for black entries past their minimum period
        }

        var key = (department, decided.Year);
        serial[key] = serial.TryGetValue(key, out var last) ? last + 1 : 1 + random.Next(0, 40);
        var number = DecisionNumber(department, red, decided.Year, serial[key]);

        return
        [
            string.Create(CultureInfo.InvariantCulture, $"DEMO-{n:D7}"),
            red ? "red" : "black",
            subject.Type.Code(),
            subject.Name,
            subject.Uscc,
            subject.IdNumber,
            field,
            department,
            number,
            decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            severity?.Code(),
            basis,
            summary,
            status.Code(),
        ];
    }

    private static string BlackField(DemoSubject subject, Random random) => subject.Type switch
    {
        SubjectType.NaturalPerson => random.Next(100) < 85 ? "司法执行" : "交通运输",
        SubjectType.OtherOrganization => random.Next(3) switch { 0 => "食品药品", 1 => "价格", _ => "城市管理" },
        _ => random.Next(100) < 70
            ? subject.Industry!.Fields[random.Next(subject.Industry.Fields.Length)]
            : W.CommonFields[random.Next(W.CommonFields.Length)],
    };

    private static string DecisionNumber(string department, bool red, int year, int serial)
    {
        if (department == "市中级人民法院")
        {
            return string.Create(CultureInfo.InvariantCulture, $"（{year}）苏04执{serial}号");
        }

        var prefix = W.NumberPrefixes.TryGetValue(department, out var p) ? (red ? p.Red : p.Black) : "常";
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{serial}号");
    }

    private static Dictionary<string, string[]> BuildDepartmentsByField()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (department, fields) in Departments.FieldsByDepartment)
        {
            foreach (var field in fields)
            {
                if (!map.TryGetValue(field, out var list))
                {
                    map[field] = list = [];
                }

                list.Add(department);
            }
        }

        return map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
