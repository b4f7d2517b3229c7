using System.Globalization;
using System.Text;
using System.Web;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Search.Embedded;

namespace CreditSite.Bench.SearchProfile;

/// <summary>A generated index of mixed records in the proportions of issue 13 (per 10 records: 2 list entries, 5
/// licences, 2 penalties, 1 commitment; a registry record for each organisation), written straight through the engine,
/// and a rotation of queries over its names (2–4 character parts, whole USCCs, filters, later pages). For repeatable
/// micro-runs of the search by subject; the whole-site benchmark is bench/search/run.sh.</summary>
internal static class MixedIndex
{
    private static readonly string[] Places = ["常州", "常州市天宁区", "常州市钟楼区", "常州市新北区", "常州市武进区", "金坛", "溧阳"];
    private static readonly string[] Trades = ["食品", "建材", "机械", "纺织", "电子", "物流", "餐饮", "化工", "医药", "贸易", "科技", "印务"];
    private static readonly string[] Forms = ["有限公司", "有限责任公司", "股份有限公司", "厂", "经营部", "商行"];
    private static readonly string[] Departments = ["市市场监督管理局", "市生态环境局", "市行政审批局", "市税务局", "市应急管理局", "市交通运输局"];
    private static readonly string[] Fields = ["食品药品", "生态环境", "税务", "安全生产", "价格", "交通运输"];
    private static readonly string[] PenaltyTypes = ["罚款", "警告", "没收违法所得", "责令停产停业", "吊销许可证件"];
    private static readonly string[] LicenceCategories = ["普通", "特许", "认可", "核准", "登记"];
    private const string BrandCharacters = "恒达诚信天宁金坛龙城运河东方华晨新北钟楼鑫源永盛宏图瑞丰博远锦程佳禾顺泰安康中信伟业志成嘉信联创优品恒通";

    public static async Task GenerateAsync(string dataPath, int records, string queriesPath)
    {
        var random = new Random(20261207);
        var organisations = Math.Max(1, records / 3);
        var names = new string[organisations];
        var codes = new string[organisations];
        for (var i = 0; i < organisations; i++)
        {
            var brand = new StringBuilder();
            for (var c = 0; c < 2 + random.Next(2); c++)
            {
                brand.Append(BrandCharacters[random.Next(BrandCharacters.Length)]);
            }

            names[i] = Places[random.Next(Places.Length)] + brand + Trades[random.Next(Trades.Length)] + Forms[random.Next(Forms.Length)];
            codes[i] = UnifiedSocialCreditCode.Complete("91320402" + (i + 1).ToString("D8", CultureInfo.InvariantCulture)).Value;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        async IAsyncEnumerable<SearchDocument> Documents()
        {
            for (var i = 0; i < organisations; i++)
            {
                yield return Registry(names[i], codes[i]);
            }

            for (var n = 0; n < records; n++)
            {
                // A skewed choice of subject: a few organisations have many records, most have a few.
                var o = (int)(organisations * Math.Pow(random.NextDouble(), 1.6));
                var decided = today.AddDays(-random.Next(3650));
                var slot = n % 10;
                yield return slot switch
                {
                    < 2 => Record(DocumentType.ListEntry, n, names[o], codes[o], decided, random),
                    < 7 => Record(DocumentType.Licence, n, names[o], codes[o], decided, random),
                    < 9 => Record(DocumentType.Penalty, n, names[o], codes[o], decided, random),
                    _ => Record(DocumentType.Commitment, n, names[o], codes[o], decided, random),
                };
                await Task.CompletedTask;
            }
        }

        using (var engine = new EmbeddedSearchEngine(dataPath))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await engine.RebuildAsync(Documents());
            Console.WriteLine($"{await engine.CountAsync()} documents ({records} records, {organisations} registry records) in {watch.Elapsed.TotalSeconds:F1} s");
        }

        var queries = new HashSet<string>();
        while (queries.Count < 4000)
        {
            var name = names[random.Next(names.Length)];
            var k = random.Next(2, 5);
            var start = random.Next(name.Length - k);
            var q = "q=" + HttpUtility.UrlEncode(name.Substring(start, k));
            var r = random.NextDouble();
            q = r switch
            {
                < 0.15 => q + "&field=" + HttpUtility.UrlEncode(Fields[random.Next(Fields.Length)]),
                < 0.25 => q + "&page=" + random.Next(2, 6).ToString(CultureInfo.InvariantCulture),
                < 0.35 => "q=" + codes[random.Next(codes.Length)],
                _ => q,
            };
            queries.Add(q);
        }

        await File.WriteAllLinesAsync(queriesPath, queries.OrderBy(_ => random.Next()));
    }

    private static SearchDocument Registry(string name, string uscc) => new()
    {
        Id = "subject:" + uscc,
        Type = DocumentType.Subject,
        Title = name,
        Body = "有限责任公司（自然人投资或控股）；常州市市场监督管理局",
        Url = "/subjects/" + uscc,
        Date = new DateOnly(2012, 3, 8),
        SubjectType = SubjectType.LegalPerson,
        SubjectName = name,
        SubjectKey = uscc,
        Uscc = uscc,
    };

    private static SearchDocument Record(DocumentType type, int n, string name, string uscc, DateOnly decided, Random random)
    {
        var department = Departments[random.Next(Departments.Length)];
        var field = Fields[random.Next(Fields.Length)];
        var id = n.ToString("D8", CultureInfo.InvariantCulture);
        var document = new SearchDocument
        {
            Id = type.Code() + ":" + id,
            Type = type,
            Title = type == DocumentType.ListEntry ? name : $"{name}（{type.Code()}）",
            Body = $"{name}因{field}领域事项，由{department}作出决定。",
            Url = "/subjects/" + uscc,
            Date = decided,
            EntryId = id,
            SubjectType = SubjectType.LegalPerson,
            SubjectName = name,
            SubjectKey = uscc,
            Uscc = uscc,
            IssuingDepartment = department,
            Field = type is DocumentType.ListEntry or DocumentType.Penalty ? field : null,
            DecisionNumber = $"常决〔{decided.Year}〕{id}号",
            PublicUntil = decided.AddYears(type == DocumentType.Licence ? 5 : 3),
        };
        return type switch
        {
            DocumentType.ListEntry => document with { ListKind = n % 3 == 0 ? ListKind.Red : ListKind.Black, Status = EntryStatus.Active },
            DocumentType.Licence => document with { Category = LicenceCategories[random.Next(LicenceCategories.Length)] },
            DocumentType.Penalty => document with { PenaltyTypes = [PenaltyTypes[random.Next(PenaltyTypes.Length)]] },
            _ => document with { Category = "审批替代型" },
        };
    }
}
