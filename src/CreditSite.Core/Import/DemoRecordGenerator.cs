using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.Import;

/// <summary>Makes the public records (行政许可, 行政处罚, 信用承诺) and registry records (基础信息) that go with the
/// demonstration list entries of <see cref="DemoDataGenerator"/>: about the same subjects (the same names, USCCs and
/// persons), so a demo company's page shows every section. The same seed, count and <c>today</c> always give the same
/// records. They hold together the way real records do: one name per code; every organisation has a registry record
/// registered before its first decision; decision numbers carry their decision date's year; every black-listed subject
/// has a serious penalty of its black-list 领域 shortly before; codes, categories and periods come from the catalogue;
/// a person's ID number is kept only as the site's keyed hash and masked form, exactly as an import keeps it.</summary>
public sealed class DemoRecordGenerator(ResidentIdHasher hasher, CreditCatalogue catalogue, int seed = DemoDataGenerator.DefaultSeed)
{
    /// <summary>Records accompany the subjects of the first this many list entries, so even the CLI's largest set
    /// keeps them to about as many again (a list of 10,000 entries gets about 11,000 records and registry records).</summary>
    public const int MaxEntriesWithRecords = 100_000;

    /// <summary>The records for the list set that <see cref="DemoDataGenerator.Rows"/> makes with the same seed,
    /// <paramref name="count"/> and <paramref name="today"/>, together with <see cref="SignInDemoSubjects.Rows"/> (as the
    /// site's first start loads them).</summary>
    public DemoRecordSet Generate(int count, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, DemoDataGenerator.MaxCount);
        var build = new DemoRecordBuild(hasher, catalogue, seed, today);
        var subjects = build.ReadList(new DemoDataGenerator(seed).Rows(count, today), SignInDemoSubjects.Rows(today), MaxEntriesWithRecords);
        foreach (var subject in subjects)
        {
            build.Add(subject);
        }

        return build.Result();
    }
}

/// <summary>The demonstration records, by kind.</summary>
public sealed record DemoRecordSet(
    IReadOnlyList<RegistrySubject> Registry,
    IReadOnlyList<PublicRecord> Licences,
    IReadOnlyList<PublicRecord> Penalties,
    IReadOnlyList<PublicRecord> Commitments)
{
    public IReadOnlyList<PublicRecord> Of(RecordKind kind) => kind switch
    {
        RecordKind.Licence => Licences,
        RecordKind.Penalty => Penalties,
        _ => Commitments,
    };

    public IEnumerable<PublicRecord> AllRecords => Licences.Concat(Penalties).Concat(Commitments);

    /// <summary>Records and registry records together.</summary>
    public int Count => Registry.Count + Licences.Count + Penalties.Count + Commitments.Count;
}
