using System.Globalization;
using CreditSite.Domain;
using CreditSite.Identifiers;
using W = CreditSite.Import.DemoDataWords;

namespace CreditSite.Import;

/// <summary>A credit subject of the demonstration set. <see cref="Honoured"/> subjects only ever receive red-list
/// honours; the others only black-list decisions, so nobody is a role model and on the black list at once.</summary>
internal sealed record DemoSubject(
    SubjectType Type, string Name, string? Uscc, string? IdNumber, DemoDataWords.Industry? Industry, bool Honoured)
{
    /// <summary>The subject's number in <see cref="DemoSubjects"/> (negative for the hand-written sign-in subjects).</summary>
    public int Index { get; init; }

    /// <summary>The Changzhou division code of its USCC or ID number (320400 for the city itself).</summary>
    public string District { get; init; } = "320400";

    /// <summary>A company's 字号, e.g. 恒达.</summary>
    public string? Brand { get; init; }

    /// <summary>An individual business's owner (经营者) and kind of shop, e.g. 张建华 and 面馆.</summary>
    public string? Owner { get; init; }

    public string? ShopKind { get; init; }

    public bool IsOrganisation => Type != SubjectType.NaturalPerson;
}

/// <summary>The subjects of the demonstration set, by number: the same seed and number always give the same subject,
/// without a table of them. Every number gets its own code (USCC or ID number) and every organisation its own name:
/// the name parts are drawn through a one-to-one mapping of the number, so two organisations never share a name, however
/// large the set. Persons may share a name, as they do in life, but never an ID number.</summary>
internal sealed class DemoSubjects
{
    /// <summary>Birth dates run over 45 years from 1955-01-01.</summary>
    private const int BirthDays = 16_425;

    /// <summary>Sequence numbers 010–999: the sign-in demonstration persons hold 003–005, so no made-up number is theirs.</summary>
    private const int FirstSequence = 10;
    private const int Sequences = 990;

    /// <summary>31⁵: registered codes read MA1…, as real ones of the last years do, not MA000….</summary>
    private const int FirstRegisteredSerial = 28_629_151;

    /// <summary>Room for the six million subjects of the CLI's largest set (10,000,000 entries), short of the sign-in
    /// company's MA1DEM58 (serial 12,443,191) and of the role models' 6… and 7… codes.</summary>
    private const int RegisteredSerials = 12_000_000;
    private const int FirstOldOrganisationCode = 52_000_000;
    private const int OldOrganisationCodes = 8_000_000;

    private static readonly string[] ComposedBrands = ComposeBrands();
    private static readonly string[] AllBrands = [.. W.Brands, .. ComposedBrands];

    /// <summary>Each pair of 字号 and industry names at most one company.</summary>
    private static readonly int CompanySpace = AllBrands.Length * W.Industries.Length;

    private static readonly string[] GivenNames = [.. W.MenGivenNames, .. W.WomenGivenNames];
    private static readonly int ShopSpace = W.Surnames.Length * GivenNames.Length * W.ShopKinds.Length;

    private readonly int _seed;
    private readonly Shuffle _companies;
    private readonly Shuffle _shops;
    private readonly Shuffle _births;
    private readonly Shuffle _registered;
    private readonly Shuffle _oldCodes;

    public DemoSubjects(int seed)
    {
        _seed = seed;
        _companies = new Shuffle(CompanySpace, seed);
        _shops = new Shuffle(ShopSpace, seed);
        _births = new Shuffle(BirthDays, seed);
        _registered = new Shuffle(RegisteredSerials, seed);
        _oldCodes = new Shuffle(OldOrganisationCodes, seed);
    }

    public DemoSubject At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(unchecked((_seed * 7919) + (index * 104729) + 17));
        var district = Weighted(random, W.Districts);
        var roll = random.Next(100);
        if (roll < 12)
        {
            return Person(index, district.Code, random);
        }

        if (roll < 16)
        {
            var place = district.Code switch { "320400" => "常州市", "320481" => "溧阳市", _ => $"常州市{district.Name}区" };
            var uscc = UnifiedSocialCreditCode.Complete("92" + district.Code + RegisteredCode(index));
            var shop = Shop(index);
            return new DemoSubject(SubjectType.OtherOrganization, place + shop.Name, uscc.Value, null, null, random.Next(100) < 28)
            {
                Index = index, District = district.Code, Owner = shop.Owner, ShopKind = shop.Kind,
            };
        }

        var (brand, industry) = CompanyNameParts(index);
        var where = district.Name.Length > 0 && random.Next(2) == 0 ? district.Name : string.Empty;
        var suffix = random.Next(10) switch { 0 => "股份有限公司", 1 => "有限责任公司", _ => "有限公司" };
        var organisation = random.Next(10) < 7 ? RegisteredCode(index) : OldOrganisationCode(index);
        var code = UnifiedSocialCreditCode.Complete("91" + district.Code + organisation);
        return new DemoSubject(
            SubjectType.LegalPerson, $"常州{where}{brand}{industry.Word}{suffix}", code.Value, null, industry, random.Next(100) < 28)
        {
            Index = index, District = district.Code, Brand = brand,
        };
    }

    /// <summary>A person's ID number: the birth date and the sequence number together are the subject number, so two
    /// numbers never give the same ID; the sequence number's parity gives the sex, and the given name follows it.</summary>
    private DemoSubject Person(int index, string district, Random random)
    {
        var birth = new DateOnly(1955, 1, 1).AddDays(_births.Map(index % BirthDays));
        var sequence = FirstSequence + ((((index / BirthDays) * 7) + ((index % BirthDays) * 31)) % Sequences);
        var given = sequence % 2 == 1 ? W.MenGivenNames : W.WomenGivenNames;
        var name = W.Surnames[random.Next(W.Surnames.Length)] + given[random.Next(given.Length)];
        var division = district == "320400" ? "320402" : district; // ID numbers name a district; the city code names none
        var id = ResidentIdNumber.Complete(string.Create(
            CultureInfo.InvariantCulture, $"{division}{birth:yyyyMMdd}{sequence:D3}"));
        return new DemoSubject(SubjectType.NaturalPerson, name, null, id.Value, null, random.Next(100) < 15) { Index = index, District = division };
    }

    /// <summary>字号 and industry for the company with this number: a shuffled pair within the first
    /// <see cref="CompanySpace"/> numbers, four-character 字号 past them.</summary>
    private (string Brand, DemoDataWords.Industry Industry) CompanyNameParts(int index)
    {
        var pair = index < CompanySpace ? _companies.Map(index) : index;
        var slot = pair / W.Industries.Length;
        var brand = slot < AllBrands.Length
            ? AllBrands[slot]
            : ComposedBrands[(slot - AllBrands.Length) / ComposedBrands.Length] + ComposedBrands[(slot - AllBrands.Length) % ComposedBrands.Length];
        return (brand, W.Industries[pair % W.Industries.Length]);
    }

    /// <summary>An individual business's name after its owner, e.g. 张建华面馆; past every combination, branches
    /// (张建华面馆二分店).</summary>
    private (string Name, string Owner, string Kind) Shop(int index)
    {
        var combination = _shops.Map(index % ShopSpace);
        var shop = W.ShopKinds[combination % W.ShopKinds.Length];
        combination /= W.ShopKinds.Length;
        var owner = W.Surnames[combination / GivenNames.Length] + GivenNames[combination % GivenNames.Length];
        var branch = index / ShopSpace;
        return (branch == 0 ? owner + shop : $"{owner}{shop}{ChineseNumber(branch + 1)}分店", owner, shop);
    }

    private static string ChineseNumber(int value)
    {
        const string Digits = "零一二三四五六七八九";
        if (value >= 100)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var tens = value / 10;
        var ones = value % 10;
        var text = tens switch { 0 => string.Empty, 1 => "十", _ => Digits[tens] + "十" };
        return ones == 0 ? text : text + Digits[ones];
    }

    private static string[] ComposeBrands()
    {
        var known = new HashSet<string>(W.Brands.Concat(W.ReservedBrands), StringComparer.Ordinal);
        return
        [
            .. from first in W.BrandFirsts
               from second in W.BrandSeconds
               let brand = string.Concat(first, second)
               where first != second && !known.Contains(brand)
               select brand,
        ];
    }

    /// <summary>The first eight characters of an organisation code given since 2015 (MA1…), one per subject number.</summary>
    private string RegisteredCode(int index) => "MA" + Base31(FirstRegisteredSerial + _registered.Map(index), 6);

    /// <summary>An organisation code from before 2015 (eight digits), one per subject number.</summary>
    private string OldOrganisationCode(int index) =>
        (FirstOldOrganisationCode + _oldCodes.Map(index)).ToString("D8", CultureInfo.InvariantCulture);

    private static string Base31(int value, int length)
    {
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = UnifiedSocialCreditCode.Alphabet[value % 31];
            value /= 31;
        }

        return new string(chars);
    }

    private static (string Code, string Name, int Weight) Weighted(Random random, (string Code, string Name, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var item in items)
        {
            if (roll < item.Weight)
            {
                return item;
            }

            roll -= item.Weight;
        }

        return items[^1];
    }

    /// <summary>A one-to-one shuffle of 0 … size−1 (an affine map with a multiplier prime to the size), moved by the
    /// seed, so neighbouring numbers get unrelated name parts.</summary>
    private sealed class Shuffle
    {
        private readonly long _size;
        private readonly long _multiplier;
        private readonly long _offset;

        public Shuffle(int size, int seed)
        {
            _size = size;
            _multiplier = 7_919;
            while (Divisor(_multiplier, _size) != 1)
            {
                _multiplier += 2;
            }

            _offset = ((seed % _size) + _size) % _size;
        }

        public int Map(int value)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _size);
            return (int)(((value * _multiplier) + _offset) % _size);
        }

        private static long Divisor(long a, long b) => b == 0 ? a : Divisor(b, a % b);
    }
}
