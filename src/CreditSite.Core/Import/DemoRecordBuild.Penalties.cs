using System.Globalization;
using CreditSite.Domain;
using R = CreditSite.Import.DemoRecordWords;

namespace CreditSite.Import;

/// <summary>Penalties (行政处罚): a serious one behind every black-list entry a department (not a court) decided in
/// the last three years — same 领域 and department, some weeks before the listing — and now and then a general or minor
/// one for subjects that are not honoured. Minor penalties small enough for the simplified procedure are kept but, as
/// the catalogue says, not published. Periods lie within the catalogue's range for the severity.</summary>
internal sealed partial class DemoRecordBuild
{
    private void AddPenalties(DemoSubjectRecords records)
    {
        var subject = records.Subject;
        var random = records.Random;
        var black = records.Facts.Black
            .Where(b => b.Decided >= _windowStart && R.SeriousPenalties.ContainsKey(b.Field))
            .OrderByDescending(b => b.Decided).FirstOrDefault();
        if (black is not null)
        {
            records.Penalties.Add(Serious(records, black));
        }

        if (subject.Honoured)
        {
            return; // an honoured subject (诚信典型, A级纳税人 …) has a clean record
        }

        if (!subject.IsOrganisation)
        {
            if (random.Next(100) < 8)
            {
                var kind = R.PersonPenalties[random.Next(R.PersonPenalties.Length)];
                records.Penalties.Add(Lesser(records, kind, kind.Simple ? Severity.Minor : Severity.General));
            }

            return;
        }

        if (random.Next(100) < (black is null ? 12 : 8))
        {
            var general = random.Next(100) < 60;
            var kinds = general ? R.GeneralPenalties : R.MinorPenalties;
            var fields = FieldsOf(subject);
            var fitting = kinds.Where(k => fields.Contains(k.Field, StringComparer.Ordinal)).ToArray();
            var pool = fitting.Length > 0 ? fitting : kinds;
            records.Penalties.Add(Lesser(records, pool[random.Next(pool.Length)], general ? Severity.General : Severity.Minor));
        }
    }

    /// <summary>The 领域 a subject's decisions fall into, as for its list entries.</summary>
    private static string[] FieldsOf(DemoSubject subject) =>
        subject.Industry is { } industry ? [.. industry.Fields, .. DemoDataWords.CommonFields] : ["食品药品", "价格", "城市管理"];

    /// <summary>The penalty a black-list entry follows from: decided by the entry's department, up to four months
    /// before it (never before the three-year window), on its facts and legal basis.</summary>
    private PublicRecord Serious(DemoSubjectRecords records, DemoBlackEntry black)
    {
        var random = records.Random;
        var (kindTypes, minFine, maxFine) = R.SeriousPenalties[black.Field];
        if (records.Subject.ShopKind is not null)
        {
            // An individual business is fined on a smaller scale than a company.
            (minFine, maxFine) = (Math.Max(0.1m, minFine / 10), Math.Max(1m, maxFine / 10));
        }

        // 违法行为类型: the first clause of the entry's summary (经营超过保质期的食品，被处以罚款… → 经营超过保质期的食品).
        var violation = black.Summary.Split('，', '。')[0];
        var from = Max(_windowStart, black.Decided.AddDays(-120));
        var to = black.Decided.AddDays(-15);
        var decided = RandomDay(random, from, to < from ? black.Decided : to);
        var prefix = DemoDataWords.NumberPrefixes.TryGetValue(black.Department, out var prefixes)
            ? prefixes.Black
            : R.PenaltyDepartment(black.Field).Prefix;

        var types = kindTypes.ToList();
        string? affected = null;
        var licence = records.Licences.FirstOrDefault(l => l.Field == black.Field && l.DecisionDate < decided && l.Status == RecordStatus.Valid);
        if (licence is not null && random.Next(100) < 30)
        {
            var revoke = random.Next(2) == 0;
            types.Add(revoke ? "吊销许可证件" : "暂扣许可证件");
            affected = $"{licence.CertificateName}（{licence.CertificateNumber}）";
            if (revoke)
            {
                licence.Status = RecordStatus.Revoked;
            }
        }

        return Penalty(records, black.Field, violation, "经查，当事人" + black.Summary, black.Basis, types,
            Fine(random, minFine, maxFine), Severity.Serious, simplified: false, decided, black.Department, prefix, affected);
    }

    private PublicRecord Lesser(DemoSubjectRecords records, DemoPenaltyKind kind, Severity severity)
    {
        var random = records.Random;
        var (department, prefix, byDistrict) = R.PenaltyDepartment(kind.Field);
        if (byDistrict)
        {
            (department, prefix) = Local(records.Subject.District, department, prefix, "市" + department);
        }

        var simplified = severity == Severity.Minor && kind.Simple && random.Next(100) < 60;
        return Penalty(records, kind.Field, kind.Violation, "经查，当事人" + kind.Facts, kind.Basis, kind.Types,
            Fine(random, kind.MinFine, kind.MaxFine), severity, simplified, DecisionDay(random), department, prefix, null);
    }

    private PublicRecord Penalty(
        DemoSubjectRecords records, string field, string violation, string facts, string basis, IReadOnlyList<string> types, decimal? fine,
        Severity severity, bool simplified, DateOnly decided, string department, string prefix, string? affected)
    {
        var random = records.Random;
        var rule = _catalogue.RuleOf(RecordKind.Penalty);
        var range = rule.RangeFor(severity)!;
        var maximum = range.MaximumUntil(decided) ?? decided.AddYears(3);
        var minimum = Max(decided, decided.AddMonths(range.MinimumMonths));
        var until = random.Next(2) == 0 ? maximum : RandomDay(random, minimum, maximum);
        var fined = types.Contains("罚款") ? fine : null;
        decimal? confiscated = types.Contains("没收违法所得") || types.Contains("没收非法财物")
            ? Math.Round(0.05m + ((fined ?? 1m) * 0.5m * (decimal)random.NextDouble()), 2)
            : null;
        var status = simplified ? RecordStatus.Active : random.Next(100) switch
        {
            < 90 => RecordStatus.Active,
            < 93 => RecordStatus.UnderObjection,
            < 98 => range.RepairableFrom(decided) <= _today ? RecordStatus.Repaired : RecordStatus.Active,
            _ => RecordStatus.Revoked,
        };

        return new PublicRecord
        {
            Kind = RecordKind.Penalty,
            RecordId = $"DEMO-CF-{_penalties.Count + records.Penalties.Count + 1:D7}",
            SubjectType = records.RecordSubjectType,
            SubjectName = records.Subject.Name,
            Uscc = records.Subject.Uscc,
            LegalRepresentative = records.Representative,
            ResidentIdHash = records.IdHash,
            MaskedIdNumber = records.MaskedId,
            SubjectKey = records.SubjectKey,
            DecisionNumber = Number(simplified ? prefix.Replace("罚", "简罚", StringComparison.Ordinal) : prefix, decided, random),
            DecisionDate = decided,
            PublicUntil = until,
            Department = department,
            DepartmentUscc = DepartmentUscc(department),
            Field = field,
            ViolationType = violation,
            Facts = facts,
            LegalBasis = basis,
            PenaltyTypes = [.. types],
            FineAmount = fined,
            ConfiscatedAmount = confiscated,
            LicenceAffected = affected,
            Content = Content(types, fined, confiscated, affected),
            Severity = severity,
            SimplifiedProcedure = simplified,
            Unpublished = simplified && !rule.PublishSimplifiedProcedure,
            Status = status,
        };
    }

    /// <summary>处罚内容, e.g. 罚款人民币5万元，没收违法所得1.2万元。</summary>
    private static string Content(IReadOnlyList<string> types, decimal? fine, decimal? confiscated, string? affected)
    {
        var parts = types.Select(type => type switch
        {
            "罚款" => $"罚款人民币{Amount(fine!.Value)}万元",
            "没收违法所得" => $"没收违法所得{Amount(confiscated!.Value)}万元",
            "没收非法财物" => $"没收侵权商品（货值{Amount(confiscated!.Value)}万元）",
            "吊销许可证件" => $"吊销{affected}",
            "暂扣许可证件" => $"暂扣{affected}三个月",
            "责令停产停业" => "责令停产停业整顿",
            "降低资质等级" => "降低资质等级",
            "限制开展生产经营活动" => "一年内禁止参加政府采购和招标投标活动",
            _ => type,
        });
        return string.Join("，", parts) + "。";
    }

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A fine in 万元, rounded as decisions state them: whole 万元 from ten up, tenths from one, else hundredths.
    /// Null for a warning alone.</summary>
    private static decimal? Fine(Random random, decimal minimum, decimal maximum)
    {
        if (maximum <= 0)
        {
            return null;
        }

        var value = minimum + ((maximum - minimum) * (decimal)random.NextDouble());
        var rounded = maximum >= 10 ? Math.Round(value) : maximum >= 1 ? Math.Round(value, 1) : Math.Round(value, 2);
        return Math.Clamp(rounded, minimum, maximum);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
