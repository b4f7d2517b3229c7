using CreditSite.Domain;
using R = CreditSite.Import.DemoRecordWords;

namespace CreditSite.Import;

/// <summary>Registry records (基础信息) of organisations: entity type, 法定代表人 (an individual business's owner), an
/// address in its district, the district's 市场监督管理局 as 登记机关, registered before anything was decided about it
/// (since October 2015 for an MA… code, before then for an old organisation code), mostly 存续. About one in twenty
/// companies — and every 恒达 company, which the search examples use — has former names (曾用名): the city's older
/// style 常州市恒达食品有限公司 or 常州市恒达食品厂, unique because the 字号 and industry of a name are.</summary>
internal sealed partial class DemoRecordBuild
{
    private static readonly DateOnly FirstUnifiedCode = new(2015, 10, 1);
    private static readonly DateOnly FirstOldRegistration = new(1996, 1, 1);

    /// <summary>What licences and penalties need before the registry record is finished: status and representative.</summary>
    private static void StartRegistry(DemoSubjectRecords records)
    {
        var random = records.Random;
        records.Representative = records.Subject.Owner ?? PersonName(random);
        records.RegistryStatus = records.Subject.Honoured
            ? "存续"
            : random.Next(1000) switch { < 950 => "存续", < 970 => "注销", < 985 => "吊销", _ => "迁出" };
    }

    private RegistrySubject Registry(DemoSubjectRecords records)
    {
        var subject = records.Subject;
        var random = records.Random;
        var earliest = records.Licences.Concat(records.Penalties).Concat(records.Commitments)
            .Select(r => r.DecisionDate).Append(_today).Append(records.Facts.Earliest ?? _today).Min();
        var unified = subject.Uscc!.AsSpan(8, 2) is "MA";
        var last = earliest.AddDays(-30);
        var first = unified ? FirstUnifiedCode : FirstOldRegistration;
        var registered = RandomDay(random, last < first ? last.AddYears(-1) : first, last);

        return new RegistrySubject
        {
            Uscc = subject.Uscc!,
            Name = subject.Name,
            FormerNames = FormerNames(subject, unified, random),
            EntityType = subject.ShopKind is not null ? R.IndividualBusinessType
                : subject.Name.EndsWith("股份有限公司", StringComparison.Ordinal) ? R.JointStockType
                : Weighted(random, R.CompanyTypes),
            LegalRepresentative = records.Representative,
            RegisteredOn = registered,
            RegistrationAuthority = RegistrationAuthority(subject),
            Address = Address(subject.District, random),
            Status = records.RegistryStatus,
        };
    }

    private static IReadOnlyList<string> FormerNames(DemoSubject subject, bool unified, Random random)
    {
        if (subject.Brand is not { } brand || subject.Industry is not { } industry || (brand != "恒达" && random.Next(100) >= 5))
        {
            return [];
        }

        var company = $"常州市{brand}{industry.Word}有限公司";
        var factory = $"常州市{brand}{industry.Word}厂";
        return unified ? [company] : random.Next(2) == 0 ? [factory] : [company, factory];
    }

    /// <summary>登记机关: 常州市武进区市场监督管理局, 溧阳市市场监督管理局, or the city's for a 320400 code.</summary>
    private static string RegistrationAuthority(DemoSubject subject) => R.Areas[subject.District].Area + "市场监督管理局";

    /// <summary>An address in the district (a company registered with the city sits in one of the central districts).</summary>
    private static string Address(string district, Random random)
    {
        if (district == "320400")
        {
            district = random.Next(3) switch { 0 => "320402", 1 => "320404", _ => "320411" };
        }

        var roads = R.Roads[district];
        var road = roads[random.Next(roads.Length)];
        var number = 1 + random.Next(0, 398);
        var unit = random.Next(4) switch
        {
            0 => $"{1 + random.Next(0, 12)}幢{101 + random.Next(0, 5) * 100 + random.Next(0, 8)}室",
            1 => $"{1 + random.Next(0, 6)}号楼",
            _ => string.Empty,
        };
        return $"{R.Areas[district].Area}{road}{number}号{unit}";
    }

    private static string PersonName(Random random)
    {
        var given = random.Next(2) == 0 ? DemoDataWords.MenGivenNames : DemoDataWords.WomenGivenNames;
        return DemoDataWords.Surnames[random.Next(DemoDataWords.Surnames.Length)] + given[random.Next(given.Length)];
    }

    private static string Weighted(Random random, (string Value, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return items[^1].Value;
    }
}
