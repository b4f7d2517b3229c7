using System.Globalization;

namespace CreditSite.Import;

/// <summary>Who issues a licence: one department for the whole city (or the province), or the district's own bureau
/// (区市场监督管理局, 区卫生健康局) for subjects registered in a district.</summary>
internal sealed record DemoIssuer(string Department, string Prefix, string? DistrictBureau = null);

/// <summary>One kind of administrative licence (行政许可) of the demonstration set: its decision title, certificate,
/// 许可类别 (from the catalogue), 领域, issuer, validity in months (0: no end date) and how its certificate is numbered.</summary>
internal sealed record DemoLicenceKind(
    string Title,
    string? Certificate,
    string Category,
    string? Field,
    DemoIssuer Issuer,
    int MinMonths,
    int MaxMonths,
    string[] Contents,
    Func<DemoCertificateContext, string?> Number)
{
    /// <summary>Decided under the notification-and-commitment system (告知承诺制): an 审批替代型 commitment may go with it.</summary>
    public bool ByCommitment { get; init; }
}

/// <summary>What a certificate number is made of: the subject's USCC and division, the year and a serial.</summary>
internal readonly record struct DemoCertificateContext(string Uscc, string District, int Year, int Serial, int Digit);

/// <summary>The licences (行政许可) of the demonstration records: who issues them, their kinds, and which industry or
/// shop holds which. Fictitious numbers in the shapes of real Changzhou and Jiangsu certificates.</summary>
internal static class DemoRecordLicenceKinds
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Issuers.
    private static readonly DemoIssuer Market = new("市市场监督管理局", "市监许", "市场监督管理局");
    private static readonly DemoIssuer Health = new("市卫生健康委员会", "卫许", "卫生健康局");
    private static readonly DemoIssuer Environment = new("市生态环境局", "常环许");
    private static readonly DemoIssuer Emergency = new("市应急管理局", "常应急许");
    private static readonly DemoIssuer Housing = new("市住房和城乡建设局", "常住建许");
    private static readonly DemoIssuer ProvinceHousing = new("江苏省住房和城乡建设厅", "苏建安许");
    private static readonly DemoIssuer ProvinceMarket = new("江苏省市场监督管理局", "苏市监许");
    private static readonly DemoIssuer ProvinceFinance = new("江苏省地方金融监督管理局", "苏金监许");
    private static readonly DemoIssuer ProvinceTelecom = new("江苏省通信管理局", "苏通信许");
    private static readonly DemoIssuer Transport = new("市交通局", "常交许");
    private static readonly DemoIssuer CityManagement = new("市城管局", "常城管许");
    private static readonly DemoIssuer Development = new("市发展和改革委员会", "常发改许");
    private static readonly DemoIssuer Fire = new("市消防救援支队", "常消许");
    private static readonly DemoIssuer HumanResources = new("市人社局", "常人社许");

    /// <summary>The registry's 登记机关 issues 营业执照 changes.</summary>
    public static readonly DemoIssuer Registration = new("市市场监督管理局", "市监登", "市场监督管理局");

    public static readonly DemoLicenceKind FoodTrade = new(
        "食品经营许可", "食品经营许可证", "普通", "食品药品", Market, 60, 60,
        ["经营项目：预包装食品销售（含冷藏冷冻食品），散装食品销售（不含散装熟食）。", "经营项目：预包装食品销售（不含冷藏冷冻食品），保健食品销售。"],
        c => string.Create(Invariant, $"JY1{c.District}{c.Serial % 1_000_000:D6}{c.Digit}"))
    { ByCommitment = true };

    public static readonly DemoLicenceKind FoodService = new(
        "食品经营许可", "食品经营许可证", "普通", "食品药品", Market, 60, 60,
        ["经营项目：热食类食品制售，冷食类食品制售（不含生食）。", "经营项目：热食类食品制售，自制饮品制售。", "经营项目：小型餐馆，热食类食品制售。"],
        c => string.Create(Invariant, $"JY2{c.District}{c.Serial % 1_000_000:D6}{c.Digit}"))
    { ByCommitment = true };

    public static readonly DemoLicenceKind FoodProduction = new(
        "食品生产许可", "食品生产许可证", "普通", "食品药品", Market, 60, 60,
        ["食品类别：调味品（酱油、食醋、调味料）。", "食品类别：乳制品（液体乳）。", "食品类别：糕点（热加工糕点）。", "食品类别：速冻食品（速冻面米制品）。"],
        c => string.Create(Invariant, $"SC10{c.Digit}{c.District}{c.Serial % 10_000:D4}{(c.Serial + c.Digit) % 10}"));

    public static readonly DemoLicenceKind Pollutant = new(
        "排污许可", "排污许可证", "普通", "生态环境", Environment, 60, 60,
        ["排污许可：废水、废气污染物排放，按证排污，执行自行监测和台账记录要求。", "排污许可（重点管理）：化学需氧量、氨氮、挥发性有机物许可排放量见副本。"],
        c => c.Uscc + string.Create(Invariant, $"{1 + (c.Digit % 2):D3}P"));

    public static readonly DemoLicenceKind Drainage = new(
        "城镇污水排入排水管网许可", "城镇污水排入排水管网许可证", "普通", "城市管理", CityManagement, 60, 60,
        ["准予按许可的排放口、排水量和水质向城镇排水管网排放污水。"],
        c => string.Create(Invariant, $"苏常排许字〔{c.Year}〕第{c.Serial % 10_000:D4}号"))
    { ByCommitment = true };

    public static readonly DemoLicenceKind HazardousChemicals = new(
        "危险化学品经营许可", "危险化学品经营许可证", "普通", "安全生产", Emergency, 36, 36,
        ["许可范围：易燃液体、腐蚀性物质（不带储存设施经营）。", "许可范围：氧化性物质、有毒化学品（票据经营）。"],
        c => string.Create(Invariant, $"苏常危化经字〔{c.Year}〕{c.Serial % 1_000_000:D6}"));

    public static readonly DemoLicenceKind ConstructionSafety = new(
        "建筑施工企业安全生产许可", "安全生产许可证", "普通", "安全生产", ProvinceHousing, 36, 36,
        ["许可范围：建筑施工。"],
        c => string.Create(Invariant, $"（苏）JZ安许证字〔{c.Year}〕04{c.Serial % 10_000:D4}"));

    public static readonly DemoLicenceKind ConstructionQualification = new(
        "建筑业企业资质核准", "建筑业企业资质证书", "认可", "工程质量", Housing, 60, 60,
        ["资质类别及等级：建筑工程施工总承包三级。", "资质类别及等级：市政公用工程施工总承包三级。", "资质类别及等级：建筑装修装饰工程专业承包二级。"],
        c => string.Create(Invariant, $"D332{c.Serial % 1_000_000:D6}"));

    public static readonly DemoLicenceKind ConstructionWaste = new(
        "城市建筑垃圾处置核准", "城市建筑垃圾处置核准证", "核准", "城市管理", CityManagement, 3, 12,
        ["准予按核准的运输线路、时间和消纳场所处置建筑垃圾。"],
        c => string.Create(Invariant, $"常城管建核〔{c.Year}〕{c.Serial % 10_000}号"));

    public static readonly DemoLicenceKind RoadOccupation = new(
        "临时占用城市道路许可", "临时占用城市道路许可证", "普通", "城市管理", CityManagement, 1, 6,
        ["准予临时占用城市道路施工，期满恢复原状。"],
        c => string.Create(Invariant, $"常城管占字〔{c.Year}〕第{c.Serial % 10_000:D4}号"));

    public static readonly DemoLicenceKind OutdoorAdvertising = new(
        "大型户外广告设置许可", "户外广告设置许可证", "普通", "城市管理", CityManagement, 12, 24,
        ["准予在经营场所设置大型户外广告一处，期满自行拆除。"],
        c => string.Create(Invariant, $"常城管广字〔{c.Year}〕第{c.Serial % 10_000:D4}号"));

    public static readonly DemoLicenceKind PresaleHousing = new(
        "商品房预售许可", "商品房预售许可证", "普通", null, Housing, 0, 0,
        ["准予预售商品住房，预售面积和幢号见许可证。"],
        c => string.Create(Invariant, $"常房预售证第{c.Year}{c.Serial % 10_000:D4}号"));

    public static readonly DemoLicenceKind RoadTransport = new(
        "道路运输经营许可", "道路运输经营许可证", "普通", "交通运输", Transport, 48, 48,
        ["经营范围：道路普通货物运输，货物专用运输（集装箱）。", "经营范围：道路普通货物运输，大型物件运输。", "经营范围：道路旅客运输（县内班车客运、包车客运）。"],
        c => string.Create(Invariant, $"苏交运管许可常字{c.District}{c.Serial % 1_000_000:D6}号"))
    { ByCommitment = true };

    public static readonly DemoLicenceKind Taxi = new(
        "巡游出租汽车经营许可", "道路运输经营许可证", "特许", "交通运输", Transport, 48, 48,
        ["经营范围：巡游出租汽车客运，经营权车辆数见许可证副本。"],
        c => string.Create(Invariant, $"苏交运管许可常字{c.District}{c.Serial % 1_000_000:D6}号"));

    public static readonly DemoLicenceKind Pharmacy = new(
        "药品经营许可", "药品经营许可证", "普通", "食品药品", Market, 60, 60,
        ["经营范围：处方药、甲类非处方药、乙类非处方药：中成药、化学药制剂、抗生素制剂。"],
        c => string.Create(Invariant, $"苏DB519{c.Serial % 10_000:D4}"));

    public static readonly DemoLicenceKind MedicalDevices = new(
        "第三类医疗器械经营许可", "医疗器械经营许可证", "普通", "食品药品", Market, 60, 60,
        ["经营范围：第三类医疗器械（注射穿刺器械、医用高分子材料及制品）批发。"],
        c => string.Create(Invariant, $"苏常药监械经营许{c.Year}{c.Serial % 10_000:D4}号"));

    public static readonly DemoLicenceKind Testing = new(
        "检验检测机构资质认定", "检验检测机构资质认定证书", "认可", "检验检测", ProvinceMarket, 72, 72,
        ["检验检测能力：环境监测（水、气、声）、建筑材料检测，具体参数见证书附表。"],
        c => string.Create(Invariant, $"{c.Year % 100:D2}1012{c.Serial % 1_000_000:D6}"));

    public static readonly DemoLicenceKind Guarantee = new(
        "融资担保业务经营许可", "融资担保业务经营许可证", "特许", "金融", ProvinceFinance, 60, 60,
        ["业务范围：借款类担保业务、发行债券担保业务。"],
        c => string.Create(Invariant, $"苏{c.Serial % 1_000_000:D6}"));

    public static readonly DemoLicenceKind Telecom = new(
        "增值电信业务经营许可", "增值电信业务经营许可证", "特许", null, ProvinceTelecom, 60, 60,
        ["业务种类：第二类增值电信业务中的信息服务业务（仅限互联网信息服务）。"],
        c => string.Create(Invariant, $"苏B2-{c.Year}{c.Serial % 10_000:D4}"));

    public static readonly DemoLicenceKind LabourDispatch = new(
        "劳务派遣经营许可", "劳务派遣经营许可证", "普通", "劳动用工", HumanResources, 36, 36,
        ["准予经营劳务派遣业务。"],
        c => string.Create(Invariant, $"3204002{c.Year}{c.Serial % 10_000:D4}"));

    public static readonly DemoLicenceKind HumanResourceService = new(
        "人力资源服务许可", "人力资源服务许可证", "普通", "劳动用工", HumanResources, 0, 0,
        ["准予从事职业介绍、人力资源信息咨询服务。"],
        c => string.Create(Invariant, $"（苏）人服证字〔{c.Year}〕第04000{c.Serial % 10_000:D4}号"));

    public static readonly DemoLicenceKind InvestmentProject = new(
        "企业投资项目核准", null, "核准", null, Development, 24, 24,
        ["同意项目建设，项目核准文件自印发之日起有效期 2 年。"],
        _ => null);

    public static readonly DemoLicenceKind PublicPlace = new(
        "公共场所卫生许可", "公共场所卫生许可证", "普通", null, Health, 48, 48,
        ["许可项目：理发店、美容店。", "许可项目：宾馆，游泳场（馆）。"],
        c => string.Create(Invariant, $"苏卫公证字〔{c.Year}〕第{c.District}-{c.Serial % 1_000_000:D6}号"))
    { ByCommitment = true };

    public static readonly DemoLicenceKind FireCheck = new(
        "公众聚集场所投入使用、营业前消防安全检查", "公众聚集场所投入使用、营业前消防安全检查合格证", "普通", "消防安全", Fire, 0, 0,
        ["准予公众聚集场所投入使用、营业。"],
        c => string.Create(Invariant, $"常消安检字〔{c.Year}〕第{c.Serial % 10_000:D4}号"))
    { ByCommitment = true };

    public static readonly DemoLicenceKind BusinessChange = new(
        "企业变更登记", "营业执照", "登记", null, Registration, 0, 0,
        ["变更事项：经营范围。", "变更事项：住所。", "变更事项：法定代表人。", "变更事项：注册资本。"],
        c => c.Uscc);

    public static readonly DemoLicenceKind[] AllLicences =
    [
        FoodTrade, FoodService, FoodProduction, Pollutant, Drainage, HazardousChemicals, ConstructionSafety, ConstructionQualification,
        ConstructionWaste, RoadOccupation, OutdoorAdvertising, PresaleHousing, RoadTransport, Taxi, Pharmacy, MedicalDevices, Testing,
        Guarantee, Telecom, LabourDispatch, HumanResourceService, InvestmentProject, PublicPlace, FireCheck, BusinessChange,
    ];

    /// <summary>The licences an industry's companies hold, by the industry word of their name.</summary>
    public static DemoLicenceKind[] LicencesOf(string industryWord) => industryWord switch
    {
        "食品" or "农副产品" => [FoodTrade, FoodProduction, OutdoorAdvertising],
        "调味品" or "乳业" => [FoodProduction, Pollutant, Drainage],
        "餐饮管理" => [FoodService, FireCheck, Drainage],
        "酒店管理" => [FoodService, PublicPlace, FireCheck, Drainage],
        "医药" or "药房连锁" => [Pharmacy, FoodTrade],
        "医疗器械" => [MedicalDevices],
        "化工" or "新材料" => [Pollutant, HazardousChemicals, InvestmentProject],
        "印染" or "电镀" or "环保科技" => [Pollutant, Drainage],
        "建设工程" or "建筑安装" or "市政工程" or "装饰工程" => [ConstructionSafety, ConstructionQualification, ConstructionWaste, RoadOccupation],
        "房地产开发" => [PresaleHousing, OutdoorAdvertising, RoadOccupation],
        "机械制造" or "精密机械" or "汽车零部件" or "光伏科技" => [Pollutant, InvestmentProject],
        "纺织" or "建材" => [Pollutant, Drainage],
        "商贸" or "贸易" => [FoodTrade, OutdoorAdvertising],
        "电子商务" or "网络科技" => [Telecom, FoodTrade],
        "物流" or "运输" => [RoadTransport],
        "客运" => [RoadTransport, Taxi],
        "融资担保" => [Guarantee],
        "检测技术" or "检验认证" => [Testing],
        "劳务派遣" => [LabourDispatch],
        "人力资源" => [HumanResourceService, LabourDispatch],
        "信息技术" => [Telecom],
        _ => [],
    };

    /// <summary>The licences a shop holds, by its kind.</summary>
    public static DemoLicenceKind[] LicencesOfShop(string shopKind) => shopKind switch
    {
        "面馆" or "小吃店" => [FoodService],
        "便利店" or "副食品商行" or "水果店" => [FoodTrade],
        "理发店" => [PublicPlace],
        _ => [],
    };

    /// <summary>Project names for 企业投资项目核准 (企业投资项目核准的批复).</summary>
    public static readonly string[] Projects = ["年产 5 万吨高性能复合材料", "新能源汽车零部件智能制造", "年产 2GW 高效光伏组件", "高端装备制造产业园", "精细化工产品技术改造"];
}
