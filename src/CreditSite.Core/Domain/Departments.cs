namespace CreditSite.Domain;

/// <summary>认定单位 named in the 2019 notice, with the fields each typically decides on. Used by demo data and
/// as suggestions in filters; import accepts any non-empty department name. The fields themselves (领域) are data:
/// <c>content/data/catalogue.yaml</c> (<see cref="CreditCatalogue.Fields"/>).</summary>
public static class Departments
{
    public static readonly IReadOnlyDictionary<string, string[]> FieldsByDepartment = new Dictionary<string, string[]>
    {
        ["市市场监督管理局"] = ["食品药品", "产品质量", "检验检测", "价格", "知识产权", "合同欺诈", "电子商务"],
        ["市生态环境局"] = ["生态环境"],
        ["市住房和城乡建设局"] = ["工程质量", "招标投标"],
        ["市应急管理局"] = ["安全生产", "消防安全"],
        ["常州市税务局"] = ["税务"],
        ["市人社局"] = ["社会保险", "劳动用工"],
        ["市统计局"] = ["统计"],
        ["市地方金融监督管理局"] = ["金融"],
        ["市城管局"] = ["城市管理"],
        ["市中级人民法院"] = ["司法执行"],
        ["市交通局"] = ["交通运输"],
        ["市财政局"] = ["政府采购"],
        ["市商务局"] = ["电子商务"],
        ["市发改委（市信用办）"] = ["诚信典型", "价格"],
    };
}
