using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Import;

namespace CreditSite.Core.Tests.Import;

/// <summary>The demonstration records checked over the whole first-start set (the default 10,000 list entries, the
/// sign-in subjects, and the records that go with them), on a summer day and on a January day (when a decision of a
/// few weeks ago is from the year before): they agree with the list entries and pass the rules an import applies.</summary>
public sealed partial class DemoRecordGeneratorTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly DateOnly January = new(2027, 1, 20);
    private static readonly CreditCatalogue Catalogue = CatalogueFile.Load(Path.Combine(SiteRoot.Find(), "content"));
    private static readonly ConcurrentDictionary<DateOnly, Lazy<FirstStart>> Sets = new();

    public static TheoryData<DateOnly> FirstStartDays() => new(Today, January);

    [Fact]
    public void SameSeedCountAndDayGiveTheSameRecords()
    {
        var first = Json(new DemoRecordGenerator(ImportFiles.Hasher(), Catalogue, 7).Generate(600, Today));
        var second = Json(new DemoRecordGenerator(ImportFiles.Hasher(), Catalogue, 7).Generate(600, Today));
        var other = Json(new DemoRecordGenerator(ImportFiles.Hasher(), Catalogue, 8).Generate(600, Today));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void EachCodeHasOneNameAcrossListEntriesRecordsAndRegistry(DateOnly today)
    {
        var set = Set(today);
        var names = set.Entries.Select(e => (Key: e.SubjectKey, Name: e.SubjectName))
            .Concat(set.Records.AllRecords.Select(r => (Key: r.SubjectKey, Name: r.SubjectName)))
            .Concat(set.Records.Registry.Select(s => (Key: s.Uscc, Name: s.Name)));

        var namesPerCode = names.GroupBy(s => s.Key).Where(g => g.Select(s => s.Name).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join("、", g.Select(s => s.Name).Distinct())}").ToList();

        Assert.True(namesPerCode.Count == 0, "同一代码出现多个名称：\n" + string.Join("\n", namesPerCode.Take(10)));
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void RecordsAreAboutTheListSubjectsKnownByTheKeysTheImportGivesThem(DateOnly today)
    {
        var set = Set(today);
        // A person's key and hash as the list import computed them (ListEntryValidator with the same hasher).
        var listSubjects = set.Entries.GroupBy(e => e.SubjectKey).ToDictionary(g => g.Key, g => g.First());

        var strangers = set.Records.AllRecords.Where(r => !listSubjects.TryGetValue(r.SubjectKey, out var entry)
                || entry.Uscc != r.Uscc || entry.ResidentIdHash != r.ResidentIdHash || entry.MaskedIdNumber != r.MaskedIdNumber)
            .Select(r => $"{r.RecordId} {r.SubjectName}").ToList();

        Assert.True(strangers.Count == 0, "记录的主体不在名单主体中，或其代码、哈希、掩码与导入结果不同：\n" + string.Join("\n", strangers.Take(10)));
        Assert.Contains(set.Records.Penalties, p => p.SubjectType == SubjectType.NaturalPerson);
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void EveryDecisionNumberCarriesTheYearOfItsDecisionAndEveryDecisionIsOfTheLastThreeYears(DateOnly today)
    {
        var set = Set(today);
        var numbered = set.Records.Licences.Concat(set.Records.Penalties).ToList();

        var wrongYear = numbered.Where(r => NumberYear().Match(r.DecisionNumber) is not { Success: true } year
                || int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture) != r.DecisionDate.Year)
            .Select(r => $"{r.RecordId} {r.DecisionNumber} 决定日期 {r.DecisionDate:yyyy-MM-dd}").ToList();
        var outside = set.Records.AllRecords.Where(r => r.DecisionDate > today || r.DecisionDate <= today.AddYears(-3))
            .Select(r => $"{r.RecordId} {r.DecisionDate:yyyy-MM-dd}").ToList();
        var listNumbers = set.Entries.Select(e => e.DecisionNumber).ToHashSet(StringComparer.Ordinal);
        var repeated = numbered.GroupBy(r => r.DecisionNumber).Where(g => g.Count() > 1 || listNumbers.Contains(g.Key)).Select(g => g.Key).ToList();

        Assert.True(wrongYear.Count == 0, "文号年份与决定日期不符：\n" + string.Join("\n", wrongYear.Take(10)));
        Assert.True(outside.Count == 0, "决定日期不在最近三年内：\n" + string.Join("\n", outside.Take(10)));
        Assert.True(repeated.Count == 0, "同一文号用于多个决定：\n" + string.Join("\n", repeated.Take(10)));
        Assert.All(set.Records.Commitments, c => Assert.Equal(string.Empty, c.DecisionNumber));
    }

    /// <summary>Without a first publication of their own all of them would be published at the first start, and the
    /// 公示及时率 page would show under 1 %.</summary>
    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void RecordsAreFirstPublishedAFewWorkingDaysAfterTheirDecisionMostlyOnTime(DateOnly today)
    {
        var records = Set(today).Records.AllRecords.ToList();
        var cst = TimeSpan.FromHours(8);
        var startOfToday = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), cst);

        var wrong = records.Where(r => r.ImportedAt > startOfToday || DateOnly.FromDateTime(r.ImportedAt.ToOffset(cst).DateTime) < r.DecisionDate)
            .Select(r => $"{r.RecordId} 决定 {r.DecisionDate:yyyy-MM-dd} 公示 {r.ImportedAt.ToOffset(cst):yyyy-MM-dd HH:mm}").ToList();
        // Within 7 working days, counted Monday to Friday (the site's calendar also knows holidays).
        var onTime = records.Count(r => Weekdays(r.DecisionDate, DateOnly.FromDateTime(r.ImportedAt.ToOffset(cst).DateTime)) <= 7);

        Assert.True(wrong.Count == 0, "公示时间早于决定日期或晚于今天：\n" + string.Join("\n", wrong.Take(10)));
        Assert.InRange(onTime / (double)records.Count, 0.8, 0.99);
    }

    private static int Weekdays(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            days += day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return days;
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void PenaltiesFollowTheCatalogue(DateOnly today)
    {
        var rule = Catalogue.RuleOf(RecordKind.Penalty);
        var wrong = new List<string>();
        foreach (var p in Set(today).Records.Penalties)
        {
            var range = rule.RangeFor(p.Severity);
            if (p.Severity is null || range is null || p.PublicUntil is not { } until)
            {
                wrong.Add($"{p.RecordId}: 缺少失信程度或公示截止日期");
                continue;
            }

            Check(wrong, p, until >= p.DecisionDate.AddMonths(range.MinimumMonths) && until <= range.MaximumUntil(p.DecisionDate),
                $"公示截止 {until:yyyy-MM-dd} 超出{p.Severity}的期限");
            Check(wrong, p, p.PenaltyTypes.Count > 0 && p.PenaltyTypes.All(Catalogue.IsPenaltyType), "处罚类别不在目录中：" + string.Join("、", p.PenaltyTypes));
            Check(wrong, p, p.PenaltyTypes.Contains("罚款") == p.FineAmount is > 0, "罚款金额与处罚类别不符");
            Check(wrong, p, !p.SimplifiedProcedure || (p.Severity == Severity.Minor && p.Unpublished == !rule.PublishSimplifiedProcedure),
                "简易程序的处罚应为轻微且按目录不予公示");
            Check(wrong, p, p.SimplifiedProcedure || !p.Unpublished, "非简易程序的处罚不应隐藏");
            Check(wrong, p, p.Status != RecordStatus.Repaired || Catalogue.RepairableFrom(p) <= today, "未过最短公示期即已修复");
            Check(wrong, p, RecordText.StatusesOf(RecordKind.Penalty).Contains(p.Status), "状态不适用于行政处罚");
            Check(wrong, p, Catalogue.IsField(p.Field), "领域不在目录中");
            Check(wrong, p, p.Content.Length > 0 && p.Facts is { Length: > 0 } && p.LegalBasis is { Length: > 0 } && p.Department.Length > 0,
                "缺少处罚内容、违法事实、依据或处罚机关");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void LicencesAndCommitmentsFollowTheCatalogue(DateOnly today)
    {
        var set = Set(today);
        var commitmentMaximum = Catalogue.RuleOf(RecordKind.Commitment).RangeFor(null);
        var wrong = new List<string>();
        foreach (var l in set.Records.Licences)
        {
            Check(wrong, l, Catalogue.IsLicenceCategory(l.Category), $"许可类别“{l.Category}”不在目录中");
            Check(wrong, l, l.ValidFrom is { } from && (l.ValidTo is null || l.ValidTo >= from), "有效期截止早于起始");
            Check(wrong, l, l.PublicUntil == l.ValidTo, "许可的公示截止应为有效期截止");
            Check(wrong, l, (l.Status == RecordStatus.Expired) == (l.ValidTo < today), "有效期届满与“已过期”状态不一致");
            Check(wrong, l, RecordText.StatusesOf(RecordKind.Licence).Contains(l.Status), "状态不适用于行政许可");
            Check(wrong, l, l.Field is null || Catalogue.IsField(l.Field), "领域不在目录中");
            Check(wrong, l, l.DecisionTitle is { Length: > 0 } && l.Department.Length > 0 && l.Content.Length > 0, "缺少许可决定名称、机关或内容");
        }

        foreach (var c in set.Records.Commitments)
        {
            Check(wrong, c, Catalogue.IsCommitmentType(c.Category), $"承诺类型“{c.Category}”不在目录中");
            Check(wrong, c, c.PublicUntil is { } until && until >= c.DecisionDate
                && (commitmentMaximum?.MaximumUntil(c.DecisionDate) is not { } maximum || until <= maximum), "公示截止超出信用承诺的期限");
            Check(wrong, c, RecordText.StatusesOf(RecordKind.Commitment).Contains(c.Status), "状态不适用于信用承诺");
            Check(wrong, c, c.Department.Length > 0 && c.Content.Length > 0, "缺少受理单位或承诺内容");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void EveryOrganisationHasARegistryRecordRegisteredBeforeItsFirstDecision(DateOnly today)
    {
        var set = Set(today);
        var registry = set.Records.Registry.ToDictionary(s => s.Uscc);
        var organisations = set.Entries.Where(e => e.Uscc is not null).Select(e => (e.Uscc!, e.DecisionDate))
            .Concat(set.Records.AllRecords.Where(r => r.Uscc is not null).SelectMany(r => new[] { (r.Uscc!, r.DecisionDate) }
                .Concat(r.ValidFrom is { } from ? [(r.Uscc!, from)] : [])))
            .GroupBy(p => p.Item1, p => p.Item2).ToDictionary(g => g.Key, g => g.Min());

        var missing = organisations.Keys.Where(uscc => !registry.ContainsKey(uscc)).ToList();
        var late = organisations.Where(o => registry.TryGetValue(o.Key, out var s) && !(s.RegisteredOn <= o.Value))
            .Select(o => $"{o.Key} 成立 {registry[o.Key].RegisteredOn:yyyy-MM-dd}，最早决定 {o.Value:yyyy-MM-dd}").ToList();

        Assert.True(missing.Count == 0, "组织没有基础信息：" + string.Join("、", missing.Take(10)));
        Assert.True(late.Count == 0, "成立日期晚于最早的决定：\n" + string.Join("\n", late.Take(10)));
        Assert.Equal(organisations.Count, registry.Count); // and no registry record for anyone else (persons never get one)
        Assert.All(set.Records.Registry, s => Assert.True(Catalogue.IsRegistryStatus(s.Status), s.Status));
        Assert.All(set.Records.Registry, s => Assert.Matches(@"^(常州市(天宁区|钟楼区|新北区|武进区|金坛区)?|溧阳市)市场监督管理局$", s.RegistrationAuthority));
        Assert.All(set.Records.Registry, s => Assert.Matches(@"^(常州市(天宁区|钟楼区|新北区|武进区|金坛区)|溧阳市).+号", s.Address));
        Assert.True(set.Records.Registry.Count(s => s.Status == "存续") > set.Records.Registry.Count * 0.9);
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void FormerNamesAreFewUniqueAndNeverAnotherOrganisationsName(DateOnly today)
    {
        var set = Set(today);
        var current = set.Records.Registry.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var former = set.Records.Registry.SelectMany(s => s.FormerNames).ToList();

        Assert.DoesNotContain(former, current.Contains);
        Assert.Equal(former.Count, former.Distinct().Count());
        Assert.InRange(set.Records.Registry.Count(s => s.FormerNames.Count > 0), set.Records.Registry.Count / 50, set.Records.Registry.Count / 10);
        Assert.Contains(set.Records.Registry, s => s.Name.Contains("恒达", StringComparison.Ordinal) && s.FormerNames.Count > 0);
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void EveryBlackListedSubjectHasASeriousPenaltyOfItsBlackListFieldBeforeTheListing(DateOnly today)
    {
        var set = Set(today);
        var serious = set.Records.Penalties.Where(p => p.Severity == Severity.Serious).ToLookup(p => p.SubjectKey);
        var missing = set.Entries
            .Where(e => e.Kind == ListKind.Black && e.Field != "司法执行" && e.DecisionDate > today.AddYears(-3))
            .GroupBy(e => e.SubjectKey)
            .Where(g => !serious[g.Key].Any(p => g.Any(e => e.Field == p.Field && e.IssuingDepartment == p.Department && p.DecisionDate <= e.DecisionDate)))
            .Select(g => $"{g.First().SubjectName}：{string.Join("、", g.Select(e => e.Field).Distinct())}").ToList();

        Assert.True(missing.Count == 0, "黑名单主体缺少对应领域的严重行政处罚：\n" + string.Join("\n", missing.Take(10)));
        // Honoured subjects (red list only: 诚信典型, A级纳税人 …) have clean records.
        var blackListed = set.Entries.Where(e => e.Kind == ListKind.Black).Select(e => e.SubjectKey).ToHashSet(StringComparer.Ordinal);
        var honoured = set.Entries.Where(e => e.Kind == ListKind.Red && !blackListed.Contains(e.SubjectKey)).Select(e => e.SubjectKey).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(set.Records.Penalties, p => honoured.Contains(p.SubjectKey));
    }

    [Theory]
    [MemberData(nameof(FirstStartDays))]
    public void NoRecordHoldsAFullIdNumber(DateOnly today)
    {
        var set = Set(today);
        var json = Json(set.Records);
        var people = set.Rows.Select(r => r[ListImportColumns.OrdinalOf(ListImportColumns.IdNumber)]).OfType<string>().Where(id => id.Length > 0).ToHashSet();

        Assert.NotEmpty(people);
        Assert.DoesNotContain(people, id => json.Contains(id, StringComparison.Ordinal));
        Assert.False(RowChecks.ContainsResidentIdNumber(json), "记录中含有完整的居民身份证号码");
        Assert.All(set.Records.Penalties.Where(p => p.SubjectType == SubjectType.NaturalPerson), p =>
        {
            Assert.Null(p.Uscc);
            Assert.Matches(@"^3204\d{2}\*{8}\d{3}[\dX]$", p.MaskedIdNumber);
            Assert.Matches("^[0-9a-f]{64}$", p.ResidentIdHash);
        });
        Assert.All(set.Records.AllRecords.Where(r => r.SubjectType != SubjectType.NaturalPerson), r =>
        {
            Assert.Equal(r.Uscc, r.SubjectKey);
            Assert.Null(r.ResidentIdHash);
            Assert.Null(r.MaskedIdNumber);
        });
    }

    [Fact]
    public void MixesKindsStatusesAndSizesAboutAsManyAsTheListEntries()
    {
        var records = Set(Today).Records;
        var licences = records.Licences.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count());
        var penalties = records.Penalties;

        Assert.InRange(records.Count, 9_000, 13_000);
        Assert.True(licences[RecordStatus.Valid] > records.Licences.Count * 0.7);
        Assert.True(licences[RecordStatus.Expired] > 0 && licences[RecordStatus.Revoked] > 0 && licences[RecordStatus.Cancelled] > 0);
        Assert.True(records.Licences.Select(l => l.CertificateName).Distinct().Count() >= 15);
        Assert.Equal(Catalogue.LicenceCategories.Where(c => c != "其他").Order(), records.Licences.Select(l => l.Category!).Distinct().Order());
        Assert.All(Enum.GetValues<Severity>(), s => Assert.Contains(penalties, p => p.Severity == s));
        Assert.Contains(penalties, p => p.SimplifiedProcedure && p.Unpublished);
        Assert.Contains(penalties, p => p.Status == RecordStatus.Repaired);
        Assert.Contains(penalties, p => p.LicenceAffected is not null);
        Assert.True(penalties.Select(p => p.Field).Distinct().Count() >= 15);
        Assert.Equal(Catalogue.CommitmentTypes.Order(), records.Commitments.Select(c => c.Category!).Distinct().Order());
        Assert.Contains(records.AllRecords, r => r.SubjectType == SubjectType.IndividualBusiness);
        // Several records per licensed organisation, some organisations with every kind.
        Assert.Contains(records.Licences.GroupBy(l => l.SubjectKey), g => g.Count() >= 3);
        var kinds = records.AllRecords.GroupBy(r => r.SubjectKey).Count(g => g.Select(r => r.Kind).Distinct().Count() == 3);
        Assert.True(kinds >= 10, $"只有 {kinds} 个主体同时有许可、处罚和承诺");
    }

    [Fact]
    public void TheSignInCompanyHasAFullPage()
    {
        var records = Set(Today).Records;

        Assert.Contains(records.Registry, s => s.Uscc == SignInDemoSubjects.CompanyUscc && s.Name == SignInDemoSubjects.CompanyName);
        Assert.Contains(records.Penalties, p => p.Uscc == SignInDemoSubjects.CompanyUscc && p.Severity == Severity.Serious && p.Field == "工程质量");
    }

    private static void Check(List<string> wrong, PublicRecord record, bool ok, string problem)
    {
        if (!ok)
        {
            wrong.Add($"{record.RecordId} {record.SubjectName}：{problem}");
        }
    }

    private static FirstStart Set(DateOnly today) => Sets.GetOrAdd(today, day => new Lazy<FirstStart>(() => FirstStart.Make(day))).Value;

    private static string Json(object value) => JsonSerializer.Serialize(value);

    /// <summary>What the site loads on a first start on one day: the list rows as the importer validates them, and
    /// the records generated beside them with the same hasher.</summary>
    private sealed record FirstStart(IReadOnlyList<string?[]> Rows, IReadOnlyList<ListEntry> Entries, DemoRecordSet Records)
    {
        public static FirstStart Make(DateOnly today)
        {
            var rows = new DemoDataGenerator().Rows(10_000, today).Concat(SignInDemoSubjects.Rows(today)).ToList();
            var validator = new ListEntryValidator(ImportFiles.Hasher(), ImportFiles.Catalogue(), today);
            var report = new ImportReport("demo-entries.csv");
            var entries = rows.Select((values, i) => validator.Validate(new ListImportRow(i + 2, values), report, ImportFiles.Now)).ToList();
            Assert.True(report.Accepted, report.Describe());
            return new FirstStart(rows, [.. entries.Select(e => e!)], new DemoRecordGenerator(ImportFiles.Hasher(), Catalogue).Generate(10_000, today));
        }
    }

    /// <summary>The year in 常市监许〔2024〕12号.</summary>
    [GeneratedRegex(@"〔(\d{4})〕")]
    private static partial Regex NumberYear();
}
