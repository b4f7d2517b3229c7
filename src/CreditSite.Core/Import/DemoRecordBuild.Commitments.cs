using CreditSite.Domain;
using L = CreditSite.Import.DemoRecordLicenceKinds;
using R = CreditSite.Import.DemoRecordWords;

namespace CreditSite.Import;

/// <summary>Credit commitments (信用承诺) of organisations still registered: 审批替代型 beside some licences decided
/// under the notification-and-commitment system, 信用修复型 for each repaired penalty, and now and then 主动公示型
/// (e-commerce operators sign the pledge of attachment 4), 证明事项告知承诺 or 行业自律型; public for one to three years
/// from the day made, never beyond the catalogue's maximum.</summary>
internal sealed partial class DemoRecordBuild
{
    private void AddCommitments(DemoSubjectRecords records)
    {
        if (records.RegistryStatus is "注销" or "吊销")
        {
            return;
        }

        var random = records.Random;
        foreach (var licence in records.Licences.Where(l => IsByCommitment(l) && random.Next(100) < 40).ToList())
        {
            var made = Max(_windowStart, licence.DecisionDate.AddDays(-random.Next(0, 4)));
            records.Commitments.Add(Commitment(records, "审批替代型", licence.Department, licence.Field, made,
                $"申请{licence.DecisionTitle}时承诺：已符合许可条件和标准，提交的材料真实有效，在规定期限内补齐材料；如有不实，愿意承担撤销许可等法律责任。"));
        }

        foreach (var penalty in records.Penalties.Where(p => p.Status == RecordStatus.Repaired).ToList())
        {
            var from = Max(penalty.DecisionDate, _catalogue.RepairableFrom(penalty) ?? penalty.DecisionDate);
            records.Commitments.Add(Commitment(records, "信用修复型", penalty.Department, penalty.Field, RandomDay(random, from, _today),
                $"就{penalty.DecisionNumber}行政处罚申请信用修复，承诺已纠正失信行为、履行处罚决定，今后依法诚信经营；如违背承诺，自愿接受惩戒。"));
        }

        if (random.Next(100) >= 7)
        {
            return;
        }

        records.Commitments.Add(OtherCommitment(records, DecisionDay(random)));
    }

    /// <summary>A commitment made of the subject's own accord or for a certificate: 主动公示型 (e-commerce operators to
    /// 市商务局, others to the credit office), 证明事项告知承诺 or 行业自律型.</summary>
    private PublicRecord OtherCommitment(DemoSubjectRecords records, DateOnly day)
    {
        var random = records.Random;
        var industry = records.Subject.Industry?.Word;
        switch (random.Next(100))
        {
            case < 50 when industry is "电子商务" or "网络科技" or "商贸" or "贸易":
                return Commitment(records, "主动公示型", "市商务局", "电子商务", day, R.ECommerceCommitment);
            case < 50:
                return Commitment(records, "主动公示型", "市发改委（市信用办）", null, day, R.PublicCommitment);
            case < 80:
                var (department, proof, matter) = R.ProofCommitments[random.Next(R.ProofCommitments.Length)];
                return Commitment(records, "证明事项告知承诺", department, null, day,
                    $"在{matter}时，以告知承诺方式替代提交{proof}：承诺所述情况属实，愿意承担不实承诺的法律责任。");
            default:
                return Commitment(records, "行业自律型", R.AssociationOf(industry), null, day, R.IndustryCommitment);
        }
    }

    private static readonly HashSet<string> TitlesByCommitment =
        new(L.AllLicences.Where(k => k.ByCommitment).Select(k => k.Title), StringComparer.Ordinal);

    /// <summary>Decided under the notification-and-commitment system (告知承诺制).</summary>
    private static bool IsByCommitment(PublicRecord licence) => licence.DecisionTitle is { } title && TitlesByCommitment.Contains(title);

    private PublicRecord Commitment(DemoSubjectRecords records, string type, string acceptedBy, string? field, DateOnly made, string content)
    {
        var random = records.Random;
        var range = _catalogue.RuleOf(RecordKind.Commitment).RangeFor(null);
        var until = made.AddYears(random.Next(1, 4));
        if (range?.MaximumUntil(made) is { } maximum && until > maximum)
        {
            until = maximum;
        }

        var status = random.Next(100) switch
        {
            < 86 => RecordStatus.Active,
            < 94 => RecordStatus.Fulfilled,
            < 97 when !records.Subject.Honoured && type != "信用修复型" => RecordStatus.Breached,
            < 97 => RecordStatus.Active,
            _ => RecordStatus.Withdrawn,
        };

        return new PublicRecord
        {
            Kind = RecordKind.Commitment,
            RecordId = $"DEMO-CN-{_commitments.Count + records.Commitments.Count + 1:D7}",
            SubjectType = records.RecordSubjectType,
            SubjectName = records.Subject.Name,
            Uscc = records.Subject.Uscc,
            LegalRepresentative = records.Representative,
            SubjectKey = records.SubjectKey,
            Category = type,
            Content = content,
            DecisionDate = made,
            PublicUntil = until,
            Department = acceptedBy,
            DepartmentUscc = DepartmentUscc(acceptedBy, acceptedBy.EndsWith("协会", StringComparison.Ordinal) || acceptedBy.EndsWith("商会", StringComparison.Ordinal) ? "51" : "11"),
            Field = field,
            Status = status,
        };
    }
}
