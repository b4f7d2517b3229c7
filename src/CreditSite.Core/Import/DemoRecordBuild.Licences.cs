using CreditSite.Domain;
using L = CreditSite.Import.DemoRecordLicenceKinds;

namespace CreditSite.Import;

/// <summary>Licences (行政许可): those an organisation's industry or shop needs, one to three per licensed organisation,
/// issued by the department that issues that licence, numbered in its register; mostly valid, some expired, revoked or
/// cancelled (all cancelled or revoked when the organisation was deregistered or had its licence revoked).</summary>
internal sealed partial class DemoRecordBuild
{
    private void AddLicences(DemoSubjectRecords records)
    {
        var subject = records.Subject;
        var random = records.Random;
        var kinds = subject.ShopKind is { } shop ? L.LicencesOfShop(shop) : L.LicencesOf(subject.Industry!.Word);
        var licensed = subject.ShopKind is not null ? random.Next(100) < 55 : random.Next(100) < 38;
        if (kinds.Length > 0 && licensed)
        {
            var count = Math.Min(kinds.Length, random.Next(100) switch { < 50 => 1, < 85 => 2, _ => 3 });
            foreach (var kind in kinds.OrderBy(_ => random.Next()).Take(count))
            {
                records.Licences.Add(Licence(records, kind));
            }
        }

        // A company also shows its registration changes (变更登记) now and then.
        if (subject.ShopKind is null && random.Next(100) < 8)
        {
            records.Licences.Add(Licence(records, L.BusinessChange));
        }
    }

    private PublicRecord Licence(DemoSubjectRecords records, DemoLicenceKind kind)
    {
        var subject = records.Subject;
        var random = records.Random;
        var decided = DecisionDay(random);
        var (department, prefix) = kind.Issuer.DistrictBureau is { } bureau
            ? Local(subject.District, bureau, kind.Issuer.Prefix, kind.Issuer.Department)
            : (kind.Issuer.Department, kind.Issuer.Prefix);
        if (ReferenceEquals(kind, L.BusinessChange))
        {
            department = RegistrationAuthority(subject);
        }

        DateOnly? validTo = kind.MaxMonths == 0
            ? null
            : decided.AddMonths(kind.MinMonths + random.Next(0, kind.MaxMonths - kind.MinMonths + 1)).AddDays(-1);
        var certificate = kind.Number(new DemoCertificateContext(subject.Uscc!, subject.District, decided.Year, NextCertificateSerial(random), random.Next(10)));
        var status = validTo < _today
            ? RecordStatus.Expired
            : records.RegistryStatus switch
            {
                "注销" => RecordStatus.Cancelled,
                "吊销" => RecordStatus.Revoked,
                _ => random.Next(100) switch { < 95 => RecordStatus.Valid, < 97 => RecordStatus.Revoked, _ => RecordStatus.Cancelled },
            };
        var title = kind.Certificate is null
            ? $"关于{L.Projects[random.Next(L.Projects.Length)]}项目核准的批复"
            : kind.Title;

        return new PublicRecord
        {
            Kind = RecordKind.Licence,
            RecordId = $"DEMO-XK-{_licences.Count + records.Licences.Count + 1:D7}",
            SubjectType = records.RecordSubjectType,
            SubjectName = subject.Name,
            Uscc = subject.Uscc,
            LegalRepresentative = records.Representative,
            SubjectKey = records.SubjectKey,
            DecisionTitle = title,
            DecisionNumber = Number(prefix, decided, random),
            DecisionDate = decided,
            Category = kind.Category,
            CertificateName = kind.Certificate,
            CertificateNumber = certificate,
            Content = kind.Contents[random.Next(kind.Contents.Length)],
            ValidFrom = decided,
            ValidTo = validTo,
            PublicUntil = validTo,
            Department = department,
            DepartmentUscc = DepartmentUscc(department),
            Field = kind.Field,
            Status = status,
        };
    }
}
