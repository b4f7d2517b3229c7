using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Indexing;
using CreditSite.Search;

namespace CreditSite.Core.Tests.Indexing;

public sealed class ListEntryDocumentsTests
{
    private static ListEntry Person()
    {
        var id = ResidentIdNumber.Complete("32040219800101001");
        var hasher = new ResidentIdHasher("test-only-id-hash-key-0123456789");
        var hash = hasher.Hash(id);
        return new ListEntry
        {
            EntryId = "JS-1",
            Kind = ListKind.Black,
            SubjectType = SubjectType.NaturalPerson,
            SubjectName = "王伟",
            ResidentIdHash = hash,
            MaskedIdNumber = id.Masked,
            SubjectKey = hasher.SubjectKey(hash),
            Field = "司法执行",
            IssuingDepartment = "市中级人民法院",
            DecisionNumber = "（2025）苏04执88号",
            DecisionDate = new DateOnly(2025, 2, 10),
            PublicUntil = new DateOnly(2028, 2, 10),
            Severity = Severity.Serious,
            LegalBasis = "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条",
            Summary = "有履行能力而拒不履行生效法律文书确定的义务。",
            Status = EntryStatus.UnderObjection,
        };
    }

    [Fact]
    public void LinksToTheSubjectPageByOpaqueKeyAndNamesTheList()
    {
        var entry = Person();

        var document = ListEntryDocuments.ToSearchDocument(entry);

        Assert.Equal("entry:JS-1", document.Id);
        Assert.Equal(DocumentType.ListEntry, document.Type);
        Assert.Equal("/subjects/" + entry.SubjectKey, document.Url);
        Assert.Equal("王伟（黑名单）", document.Title);
        Assert.Equal(entry.DecisionDate, document.Date);
        Assert.Equal(EntryStatus.UnderObjection, document.Status);
        Assert.Equal(entry.PublicUntil, document.PublicUntil);
    }

    [Fact]
    public void BodyHoldsSummaryBasisNumberDepartmentFieldAndMaskedIdOnly()
    {
        var entry = Person();
        var full = ResidentIdNumber.Complete("32040219800101001").Value;

        var document = ListEntryDocuments.ToSearchDocument(entry);

        foreach (var part in new[] { entry.Summary, entry.LegalBasis, entry.DecisionNumber, entry.IssuingDepartment, entry.Field, entry.MaskedIdNumber! })
        {
            Assert.Contains(part, document.Body, StringComparison.Ordinal);
        }

        var everything = string.Join("|", typeof(SearchDocument).GetProperties().Select(p => p.GetValue(document)?.ToString()));
        Assert.DoesNotContain(full, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(full[..14], everything, StringComparison.Ordinal);
    }
}
