using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;

namespace CreditSite.Core.Tests.Import;

/// <summary>Good rows of each record file kind (行政处罚, 行政许可, 信用承诺, 基础信息) for tests, dated for
/// <see cref="ImportFiles.Now"/> (2025-06-30), and the importer over a given store.</summary>
public static class RecordRows
{
    public static readonly string DepartmentUscc = UnifiedSocialCreditCode.Complete("1132040001412657").Value;

    public static RecordImporter Importer(CreditStore store, TimeProvider? clock = null) =>
        new(new RecordStore(store), ImportFiles.Hasher(), ImportFiles.Catalogue(), clock ?? ImportFiles.Clock());

    public static Dictionary<string, string> Penalty(string recordId = "CF-1") => new()
    {
        ["record_id"] = recordId,
        ["subject_type"] = "legal_person",
        ["subject_name"] = "常州天宁恒达食品有限公司",
        ["uscc"] = ImportFiles.Uscc,
        ["legal_representative"] = "张建国",
        ["id_number"] = "",
        ["decision_number"] = "常市监罚〔2025〕123号",
        ["violation_type"] = "经营超过保质期的食品",
        ["facts"] = "经营超过保质期的预包装食品 46 件。",
        ["legal_basis"] = "《中华人民共和国食品安全法》第一百二十四条",
        ["penalty_types"] = "罚款、没收违法所得",
        ["content"] = "罚款 5 万元，没收违法所得 0.32 万元。",
        ["fine_amount"] = "5",
        ["confiscated_amount"] = "0.32",
        ["licence_affected"] = "",
        ["decision_date"] = "2025-03-01",
        ["severity"] = "general",
        ["simplified_procedure"] = "false",
        ["public_until"] = "2026-03-01",
        ["department"] = "市市场监督管理局",
        ["department_uscc"] = DepartmentUscc,
        ["source_department"] = "市市场监督管理局",
        ["field"] = "食品药品",
        ["status"] = "active",
    };

    /// <summary>A penalty of a natural person: identified by the resident ID number, which must never be stored.</summary>
    public static Dictionary<string, string> PersonPenalty(string recordId = "CF-2") => new(Penalty(recordId))
    {
        ["subject_type"] = "natural_person",
        ["subject_name"] = "王伟",
        ["uscc"] = "",
        ["legal_representative"] = "",
        ["id_number"] = ImportFiles.IdNumber,
        ["decision_number"] = "常交罚〔2025〕45号",
        ["violation_type"] = "未取得道路运输经营许可擅自从事道路运输经营",
        ["facts"] = "通过网络平台招揽乘客，未取得网络预约出租汽车运输证。",
        ["legal_basis"] = "《网络预约出租汽车经营服务管理暂行办法》第三十四条",
        ["penalty_types"] = "罚款",
        ["content"] = "罚款 1.5 万元。",
        ["fine_amount"] = "1.5",
        ["confiscated_amount"] = "",
        ["field"] = "交通运输",
        ["department"] = "市交通运输局",
        ["source_department"] = "",
    };

    public static Dictionary<string, string> Licence(string recordId = "XK-1") => new()
    {
        ["record_id"] = recordId,
        ["subject_type"] = "legal_person",
        ["subject_name"] = "常州武进瑞丰机械制造有限公司",
        ["uscc"] = ImportFiles.OtherUscc,
        ["legal_representative"] = "刘志强",
        ["id_number"] = "",
        ["decision_title"] = "关于准予排污许可的决定",
        ["decision_number"] = "常环许〔2025〕56号",
        ["licence_category"] = "普通",
        ["certificate_name"] = "排污许可证",
        ["certificate_number"] = "91320412MA20K7QD0U001V",
        ["content"] = "准予按排污许可证载明的种类、浓度和总量排放污染物。",
        ["decision_date"] = "2025-02-18",
        ["valid_from"] = "2025-02-18",
        ["valid_to"] = "2030-02-17",
        ["department"] = "市生态环境局",
        ["department_uscc"] = DepartmentUscc,
        ["source_department"] = "",
        ["field"] = "生态环境",
        ["status"] = "valid",
    };

    public static Dictionary<string, string> Commitment(string recordId = "CN-1") => new()
    {
        ["record_id"] = recordId,
        ["subject_type"] = "legal_person",
        ["subject_name"] = "常州天宁恒达食品有限公司",
        ["uscc"] = ImportFiles.Uscc,
        ["id_number"] = "",
        ["commitment_type"] = "证明事项告知承诺",
        ["content"] = "承诺提交的材料真实有效。",
        ["made_on"] = "2025-03-20",
        ["accepted_by"] = "市行政审批局",
        ["public_until"] = "2027-03-20",
        ["field"] = "食品药品",
        ["status"] = "active",
    };

    public static Dictionary<string, string> Subject(string? uscc = null) => new()
    {
        ["uscc"] = uscc ?? ImportFiles.Uscc,
        ["name"] = "常州天宁恒达食品有限公司",
        ["former_names"] = "常州天宁恒达副食品有限公司;常州恒达食品厂",
        ["entity_type"] = "有限责任公司（自然人投资或控股）",
        ["legal_representative"] = "张建国",
        ["registered_on"] = "2016-03-08",
        ["registration_authority"] = "常州市天宁区市场监督管理局",
        ["address"] = "常州市天宁区青洋北路 18 号",
        ["status"] = "存续",
    };

    public static Dictionary<string, string> Row(ImportKind kind, string id) => kind switch
    {
        ImportKind.Penalty => Penalty(id),
        ImportKind.Licence => Licence(id),
        ImportKind.Commitment => Commitment(id),
        _ => Subject(id),
    };

    public static ImportColumns Columns(ImportKind kind) => kind switch
    {
        ImportKind.Penalty => RecordImportColumns.Penalty,
        ImportKind.Licence => RecordImportColumns.Licence,
        ImportKind.Commitment => RecordImportColumns.Commitment,
        _ => RecordImportColumns.Subject,
    };

    /// <summary>A CSV file of <paramref name="kind"/> with its full header.</summary>
    public static string Csv(this ImportFiles files, ImportKind kind, params Dictionary<string, string>[] rows) =>
        files.Csv(Columns(kind).All, rows);
}
