using System.Globalization;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Identifiers;
using C = CreditSite.Import.ListImportColumns;
using R = CreditSite.Import.DemoRecordWords;

namespace CreditSite.Import;

/// <summary>What the list entries say about one subject that its records must agree with: when it was first decided
/// about, and its black-list decisions.</summary>
internal sealed class DemoListFacts
{
    public DateOnly? Earliest { get; set; }

    public List<DemoBlackEntry> Black { get; } = [];
}

/// <summary>One black-list entry of a subject: 领域, department, decision date, and the legal basis and summary the
/// serious penalty behind it repeats.</summary>
internal sealed record DemoBlackEntry(string Field, string Department, DateOnly Decided, string Basis, string Summary);

/// <summary>One subject's records while they are being made.</summary>
internal sealed class DemoSubjectRecords(DemoSubject subject, DemoListFacts facts, Random random)
{
    public DemoSubject Subject { get; } = subject;

    public DemoListFacts Facts { get; } = facts;

    public Random Random { get; } = random;

    public required string SubjectKey { get; init; }

    public string? IdHash { get; init; }

    public string? MaskedId { get; init; }

    /// <summary>法定代表人 or 经营者 (organisations).</summary>
    public string? Representative { get; set; }

    /// <summary>登记状态 (organisations).</summary>
    public string RegistryStatus { get; set; } = "存续";

    public List<PublicRecord> Licences { get; } = [];

    public List<PublicRecord> Penalties { get; } = [];

    public List<PublicRecord> Commitments { get; } = [];

    /// <summary>Records use 个体工商户 for a business registered under a 92… code (the list entries call it 其他组织).</summary>
    public SubjectType RecordSubjectType => Subject.Type == SubjectType.OtherOrganization ? SubjectType.IndividualBusiness : Subject.Type;
}

/// <summary>One run of <see cref="DemoRecordGenerator"/>: reads the list set, then makes each subject's records in
/// subject order, numbering decisions per department and year after the list's own numbers.</summary>
internal sealed partial class DemoRecordBuild
{
    private readonly ResidentIdHasher? _hasher;
    private readonly CreditCatalogue _catalogue;
    private readonly int _seed;
    private readonly DateOnly _today;

    /// <summary>The first day of the window (the last three years; ten for a benchmark set): every decision of the set
    /// lies between it and today.</summary>
    private readonly DateOnly _windowStart;

    private readonly Dictionary<(string Prefix, int Year), int> _serials = [];
    private readonly Dictionary<string, DemoListFacts> _facts = new(StringComparer.Ordinal);
    private readonly List<RegistrySubject> _registry = [];
    private readonly List<PublicRecord> _licences = [];
    private readonly List<PublicRecord> _penalties = [];
    private readonly List<PublicRecord> _commitments = [];
    private int _certificateSerial;

    public DemoRecordBuild(ResidentIdHasher? hasher, CreditCatalogue catalogue, int seed, DateOnly today, int years = 3)
    {
        _hasher = hasher;
        _catalogue = catalogue;
        _seed = seed;
        _today = today;
        _windowStart = today.AddYears(-years).AddDays(1);
    }

    /// <summary>Reads the list rows (generated, then the sign-in subjects'): the subjects of the first
    /// <paramref name="limit"/> generated rows and the sign-in subjects get records; every row adds to what is known of
    /// its subject and to the decision numbers already taken.</summary>
    public IReadOnlyList<DemoSubject> ReadList(IEnumerable<string?[]> generated, IEnumerable<string?[]> signIn, int limit)
    {
        var n = 0;
        foreach (var row in generated)
        {
            var code = CodeOf(row);
            if (n++ < limit)
            {
                _facts.TryAdd(code, new DemoListFacts());
            }

            Note(row, code);
        }

        var subjects = FindSubjects();
        foreach (var subject in SignInSubjects())
        {
            _facts.TryAdd(subject.Uscc ?? subject.IdNumber!, new DemoListFacts());
            subjects.Add(subject);
        }

        foreach (var row in signIn)
        {
            Note(row, CodeOf(row));
        }

        return subjects;
    }

    public void Add(DemoSubject subject)
    {
        var code = subject.Uscc ?? subject.IdNumber!;
        var random = new Random(unchecked((_seed * 486_187_739) + (subject.Index * 16_777_619) + 7));
        DemoSubjectRecords records;
        if (subject.IsOrganisation)
        {
            records = new DemoSubjectRecords(subject, _facts[code], random) { SubjectKey = subject.Uscc! };
        }
        else
        {
            // As the list import keeps a person (ListEntryValidator): the site's keyed hash, the masked number, and the
            // subject key derived from the hash. The number itself goes no further.
            var number = ResidentIdNumber.Parse(subject.IdNumber).Value!.Value;
            var hasher = _hasher ?? throw new InvalidOperationException("The first-start set keeps persons by the site's keyed hash.");
            var hash = hasher.Hash(number);
            records = new DemoSubjectRecords(subject, _facts[code], random)
            {
                SubjectKey = hasher.SubjectKey(hash), IdHash = hash, MaskedId = number.Masked,
            };
        }

        if (subject.IsOrganisation)
        {
            StartRegistry(records);
            AddLicences(records);
        }

        AddPenalties(records);
        if (subject.IsOrganisation)
        {
            AddCommitments(records);
            _registry.Add(Registry(records));
        }

        // Drawn from a source of their own, after the records are made, so the records are those of a set without it.
        var published = new Random(unchecked((_seed * 486_187_739) + (subject.Index * 16_777_619) + 8));
        foreach (var record in records.Licences.Concat(records.Penalties).Concat(records.Commitments))
        {
            Publish(record, published);
        }

        _licences.AddRange(records.Licences);
        _penalties.AddRange(records.Penalties);
        _commitments.AddRange(records.Commitments);
    }

    /// <summary>When the record was first published (its first import, which the 公示及时率 page compares with the decision
    /// date): as a department does it, one to five weekdays after the decision for nine records in ten, two to four
    /// weeks for the rest; in office hours, never after the start of today. Without it every demonstration record would
    /// be "published" at the site's first start, months after most decisions.</summary>
    private void Publish(PublicRecord record, Random random)
    {
        var weekdays = random.Next(100) < 90 ? random.Next(1, 6) : random.Next(10, 21);
        var day = record.DecisionDate;
        while (weekdays > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                weekdays--;
            }
        }

        var at = day >= _today
            ? new DateTimeOffset(_today.ToDateTime(TimeOnly.MinValue), CreditCalendar.ChinaStandardTime)
            : new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + random.Next(0, 9), random.Next(0, 60))), CreditCalendar.ChinaStandardTime);
        record.ImportedAt = at.ToUniversalTime();
    }

    public DemoRecordSet Result() => new(_registry, _licences, _penalties, _commitments);

    /// <summary>The demonstration subjects behind the list codes kept in <see cref="_facts"/>, in subject order. Every
    /// code came from a subject number below the list's subject count, so the search ends there.</summary>
    private List<DemoSubject> FindSubjects()
    {
        var subjects = new DemoSubjects(_seed);
        var found = new List<DemoSubject>(_facts.Count);
        for (var i = 0; found.Count < _facts.Count; i++)
        {
            if (i >= DemoDataGenerator.MaxCount)
            {
                throw new InvalidOperationException("A list code belongs to no demonstration subject.");
            }

            var subject = subjects.At(i);
            if (_facts.ContainsKey(subject.Uscc ?? subject.IdNumber!))
            {
                found.Add(subject);
            }
        }

        return found;
    }

    /// <summary>The company and the black-listed person of the local sign-in provider (docs/sign-in.md).</summary>
    private static IEnumerable<DemoSubject> SignInSubjects()
    {
        var materials = DemoDataWords.Industries.First(i => i.Word == "建材");
        yield return new DemoSubject(SubjectType.LegalPerson, SignInDemoSubjects.CompanyName, SignInDemoSubjects.CompanyUscc, null, materials, false)
        {
            Index = -1, District = "320402", Brand = "恒信",
        };
        yield return new DemoSubject(SubjectType.NaturalPerson, SignInDemoSubjects.BlackListedPersonName, null, SignInDemoSubjects.BlackListedPersonId, null, false)
        {
            Index = -2, District = "320402",
        };
    }

    private static string CodeOf(string?[] row)
    {
        var uscc = row[C.OrdinalOf(C.Uscc)];
        return string.IsNullOrEmpty(uscc) ? row[C.OrdinalOf(C.IdNumber)]! : uscc;
    }

    private void Note(string?[] row, string code)
    {
        var decided = DateOnly.ParseExact(row[C.OrdinalOf(C.DecisionDate)]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var number = NumberParts().Match(row[C.OrdinalOf(C.DecisionNumber)] ?? string.Empty);
        if (number.Success)
        {
            var key = (number.Groups[1].Value, int.Parse(number.Groups[2].Value, CultureInfo.InvariantCulture));
            var serial = int.Parse(number.Groups[3].Value, CultureInfo.InvariantCulture);
            _serials[key] = Math.Max(serial, _serials.GetValueOrDefault(key));
        }

        if (!_facts.TryGetValue(code, out var facts))
        {
            return;
        }

        facts.Earliest = facts.Earliest is { } earliest && earliest <= decided ? earliest : decided;
        if (row[C.OrdinalOf(C.ListKind)] == "black")
        {
            facts.Black.Add(new DemoBlackEntry(
                row[C.OrdinalOf(C.Field)]!, row[C.OrdinalOf(C.IssuingDepartment)]!, decided,
                row[C.OrdinalOf(C.LegalBasis)] ?? string.Empty, row[C.OrdinalOf(C.Summary)] ?? string.Empty));
        }
    }

    /// <summary>The next decision number of <paramref name="prefix"/> in the year of <paramref name="decided"/>:
    /// 常市监许〔2025〕123号. Numbers continue after the list's own, with a gap now and then as in a real register.</summary>
    private string Number(string prefix, DateOnly decided, Random random)
    {
        var key = (prefix, decided.Year);
        var next = _serials.TryGetValue(key, out var last) ? last + 1 + random.Next(0, 3) : 1 + random.Next(0, 40);
        _serials[key] = next;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{decided.Year}〕{next}号");
    }

    private int NextCertificateSerial(Random random) => _certificateSerial += 1 + random.Next(0, 7);

    private static DateOnly RandomDay(Random random, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));

    /// <summary>A decision day in the last three years.</summary>
    private DateOnly DecisionDay(Random random) => RandomDay(random, _windowStart, _today);

    /// <summary>A department in a district (常州市武进区市场监督管理局, prefix 常武市监许) or the city's (市市场监督管理局,
    /// 常市监许).</summary>
    private static (string Department, string Prefix) Local(string district, string bureau, string prefix, string cityDepartment)
    {
        var (area, abbreviation) = R.Areas[district];
        return district == "320400" ? (cityDepartment, "常" + prefix) : (area + bureau, abbreviation + prefix);
    }

    /// <summary>A stable, valid USCC for a department (class 11, 机关) or an association (51, 社会团体).</summary>
    private static string DepartmentUscc(string department, string kind = "11")
    {
        var hash = 2_166_136_261u;
        foreach (var c in department)
        {
            hash = unchecked((hash ^ c) * 16_777_619u);
        }

        var division = department.StartsWith("江苏省", StringComparison.Ordinal) ? "320000"
            : R.Areas.FirstOrDefault(a => a.Key != "320400" && department.StartsWith(a.Value.Area, StringComparison.Ordinal)).Key ?? "320400";
        return UnifiedSocialCreditCode.Complete(string.Create(CultureInfo.InvariantCulture, $"{kind}{division}{hash % 100_000_000:D8}")).Value;
    }

    /// <summary>常市监罚〔2024〕123号 → 常市监罚, 2024, 123.</summary>
    [GeneratedRegex(@"^(.+)〔(\d{4})〕(\d+)号$")]
    private static partial Regex NumberParts();
}
