using CreditSite.Domain;
using CreditSite.Search;

namespace CreditSite.Core.Tests.Search.Elasticsearch;

internal static class CannedDocuments
{
    public static SearchDocument Entry(string entryId, string name = "常州市天宁区诚信食品有限公司") => new()
    {
        Id = "entry:" + entryId,
        Type = DocumentType.ListEntry,
        Title = name,
        Body = "未按规定落实食品安全自查制度",
        Url = "/subjects/91320402MA1XXXXX0L",
        Date = new DateOnly(2025, 6, 1),
        EntryId = entryId,
        ListKind = ListKind.Black,
        SubjectType = SubjectType.LegalPerson,
        SubjectName = name,
        SubjectKey = "91320402MA1XXXXX0L",
        Uscc = "91320402MA1XXXXX0L",
        Field = "食品药品",
        IssuingDepartment = "市市场监督管理局",
        DecisionNumber = "常市监罚〔2025〕12号",
        PublicUntil = new DateOnly(2026, 6, 1),
        Severity = Severity.General,
        Status = EntryStatus.Active,
        LegalBasis = "《食品安全法》第一百二十六条",
    };

    public static SearchDocument Person(string entryId) => Entry(entryId, "张三") with
    {
        SubjectType = SubjectType.NaturalPerson,
        Uscc = null,
        SubjectKey = "p-6f1c2a9e",
        ResidentIdHash = "hmac-sha256:3b6f0c",
        MaskedIdNumber = "320402********0012",
        Url = "/subjects/p-6f1c2a9e",
    };

    public static SearchDocument Policy(string slug) => new()
    {
        Id = "policy:" + slug,
        Type = DocumentType.Policy,
        Title = "关于加强食品安全诚信建设的通知",
        Body = "全市食品生产经营者应当……",
        Url = "/policies/" + slug,
        Date = new DateOnly(2024, 9, 1),
    };

    public static async IAsyncEnumerable<SearchDocument> Stream(params SearchDocument[] documents)
    {
        foreach (var document in documents)
        {
            await Task.Yield();
            yield return document;
        }
    }
}
