using System.Globalization;
using CreditSite.Domain;
using L = CreditSite.Import.DemoRecordLicenceKinds;
using R = CreditSite.Import.DemoRecordWords;
using W = CreditSite.Import.DemoDataWords;

namespace CreditSite.Import;

/// <summary>Records of a benchmark set (<see cref="DemoCityRecords"/>): one record at a time, by number, about a subject
/// drawn from a pool of demonstration subjects, so that millions of them stream without being held. Each record is made
/// by the same builders as the first-start set (licence kinds per industry, penalties per 领域, commitments), from a
/// random source of its own number, and the subject's own facts (法定代表人, 登记状态) from a source of the subject's
/// number, so every record of a company agrees with its registry record.</summary>
internal sealed partial class DemoRecordBuild
{
    /// <summary>Record number <paramref name="number"/> (from 1) of <paramref name="kind"/>, about a subject among the
    /// first <paramref name="pool"/> of <paramref name="subjects"/> (an organisation for licences and commitments), and
    /// that subject's resident ID number when it is a person (the import file carries it; the import hashes it).</summary>
    public (PublicRecord Record, string? IdNumber) BulkRecord(RecordKind kind, DemoSubjects subjects, int pool, int number)
    {
        var random = new Random(unchecked((_seed * 92_821) + ((int)kind * 1_000_003) + (number * 48_271) + 11));
        var subject = Draw(subjects, pool, random, organisation: kind != RecordKind.Penalty);
        var facts = SubjectFacts(subject);
        var records = new DemoSubjectRecords(subject, facts.Facts, random)
        {
            SubjectKey = subject.Uscc ?? string.Empty,
            Representative = facts.Representative,
            RegistryStatus = facts.RegistryStatus,
        };

        var (record, prefix) = kind switch
        {
            RecordKind.Licence => (BulkLicence(records), "XK"),
            RecordKind.Penalty => (BulkPenalty(records), "CF"),
            _ => (BulkCommitment(records), "CN"),
        };
        record.RecordId = string.Create(CultureInfo.InvariantCulture, $"DEMO-{prefix}-{number:D8}");
        return (record, subject.IdNumber);
    }

    /// <summary>The registry record (基础信息) of <paramref name="subject"/>, null for a person: registered before the
    /// window of the set, with the 法定代表人 and 登记状态 its records carry.</summary>
    public RegistrySubject? BulkRegistry(DemoSubject subject) =>
        subject.IsOrganisation ? Registry(SubjectFacts(subject)) : null;

    /// <summary>A subject of the pool; records about organisations redraw until they meet one (nine in ten are).</summary>
    private static DemoSubject Draw(DemoSubjects subjects, int pool, Random random, bool organisation)
    {
        while (true)
        {
            var subject = subjects.At(random.Next(pool));
            if (subject.IsOrganisation || !organisation)
            {
                return subject;
            }
        }
    }

    /// <summary>What every record of a subject shares, from a random source of the subject's number alone.</summary>
    private DemoSubjectRecords SubjectFacts(DemoSubject subject)
    {
        var random = new Random(unchecked((_seed * 486_187_739) + (subject.Index * 16_777_619) + 7));
        var records = new DemoSubjectRecords(subject, new DemoListFacts { Earliest = _windowStart }, random) { SubjectKey = subject.Uscc ?? string.Empty };
        if (subject.IsOrganisation)
        {
            StartRegistry(records);
        }

        return records;
    }

    /// <summary>A licence its industry or shop needs, or a registration change when it needs none.</summary>
    private PublicRecord BulkLicence(DemoSubjectRecords records)
    {
        var subject = records.Subject;
        var kinds = subject.ShopKind is { } shop ? L.LicencesOfShop(shop) : L.LicencesOf(subject.Industry!.Word);
        var kind = kinds.Length == 0 || records.Random.Next(100) < 8 ? L.BusinessChange : kinds[records.Random.Next(kinds.Length)];
        return Licence(records, kind);
    }

    /// <summary>Persons: a minor or general penalty of their own kinds. Organisations: one in ten serious (on the facts a
    /// black-list entry of its 领域 would state), the others general or minor, in the 领域 of its industry.</summary>
    private PublicRecord BulkPenalty(DemoSubjectRecords records)
    {
        var subject = records.Subject;
        var random = records.Random;
        if (!subject.IsOrganisation)
        {
            var kind = R.PersonPenalties[random.Next(R.PersonPenalties.Length)];
            return Lesser(records, kind, kind.Simple ? Severity.Minor : Severity.General);
        }

        var fields = FieldsOf(subject);
        var roll = random.Next(100);
        if (roll < 10)
        {
            var serious = fields.Where(f => R.SeriousPenalties.ContainsKey(f) && W.BlackReasons.ContainsKey(f) && DemoDataGenerator.DepartmentsByField.ContainsKey(f))
                .ToArray();
            var field = serious.Length > 0 ? serious[random.Next(serious.Length)] : "食品药品";
            var departments = DemoDataGenerator.DepartmentsByField[field];
            var reason = W.BlackReasons[field];
            var listed = RandomDay(random, _windowStart.AddDays(120), _today);
            return Serious(records, new DemoBlackEntry(
                field, departments[random.Next(departments.Length)], listed, reason.Basis, reason.Summaries[random.Next(reason.Summaries.Length)]));
        }

        var general = roll < 65;
        var kinds = general ? R.GeneralPenalties : R.MinorPenalties;
        var fitting = kinds.Where(k => fields.Contains(k.Field, StringComparer.Ordinal)).ToArray();
        var pool = fitting.Length > 0 ? fitting : kinds;
        return Lesser(records, pool[random.Next(pool.Length)], general ? Severity.General : Severity.Minor);
    }

    /// <summary>A third 审批替代型 beside a licence decided by notification and commitment, the rest made of the
    /// subject's own accord or for a certificate.</summary>
    private PublicRecord BulkCommitment(DemoSubjectRecords records)
    {
        var random = records.Random;
        if (random.Next(3) == 0)
        {
            var licence = Licence(records, ByCommitmentLicences[random.Next(ByCommitmentLicences.Length)]);
            var made = Max(_windowStart, licence.DecisionDate.AddDays(-random.Next(0, 4)));
            return Commitment(records, "审批替代型", licence.Department, licence.Field, made,
                $"申请{licence.DecisionTitle}时承诺：已符合许可条件和标准，提交的材料真实有效，在规定期限内补齐材料；如有不实，愿意承担撤销许可等法律责任。");
        }

        return OtherCommitment(records, DecisionDay(random));
    }

    private static readonly DemoLicenceKind[] ByCommitmentLicences = [.. L.AllLicences.Where(k => k.ByCommitment)];
}
