namespace CreditSite.Import;

/// <summary>A penalty of one 领域 as the demonstration set makes it: 违法行为类型, facts, basis, 处罚类别 and the range
/// of the fine in 万元.</summary>
internal sealed record DemoPenaltyKind(
    string Field, string Violation, string Facts, string Basis, string[] Types, decimal MinFine, decimal MaxFine)
{
    /// <summary>Small enough for the simplified procedure (简易程序: a warning, or a fine of at most 3,000 yuan for an
    /// organisation and 200 yuan for a person).</summary>
    public bool Simple => Types is ["警告"] || (Types is ["罚款"] && MaxFine <= 0.3m);
}

/// <summary>The words the demonstration records are made of (registry data, penalties, commitments; licences are
/// <see cref="DemoRecordLicenceKinds"/>), beside
/// <see cref="DemoDataWords"/>. Fictitious, but in the shape of real Changzhou records.</summary>
internal static class DemoRecordWords
{
    /// <summary>By division code: the area's name as an address and an authority begin with it, and the short form its
    /// bureaus put before a decision number (常武市监许〔2025〕12号).</summary>
    public static readonly Dictionary<string, (string Area, string Short)> Areas = new(StringComparer.Ordinal)
    {
        ["320400"] = ("常州市", "常"),
        ["320402"] = ("常州市天宁区", "常天"),
        ["320404"] = ("常州市钟楼区", "常钟"),
        ["320411"] = ("常州市新北区", "常新"),
        ["320412"] = ("常州市武进区", "常武"),
        ["320413"] = ("常州市金坛区", "常金"),
        ["320481"] = ("溧阳市", "溧"),
    };

    public static readonly Dictionary<string, string[]> Roads = new(StringComparer.Ordinal)
    {
        ["320402"] = ["延陵西路", "和平北路", "青洋北路", "竹林西路", "中吴大道", "关河东路", "兰陵北路"],
        ["320404"] = ["南大街", "西林路", "勤业路", "星港路", "怀德南路", "广化街", "邹区镇岳杨路"],
        ["320411"] = ["太湖东路", "通江中路", "华山中路", "汉江路", "长江北路", "黄河西路", "河海东路"],
        ["320412"] = ["湖塘镇花园街", "常武中路", "武宜中路", "延政中路", "长虹东路", "牛塘镇青云路", "洛阳镇府北路"],
        ["320413"] = ["东门大街", "华城路", "金宜路", "南环二路", "儒林镇儒林路"],
        ["320481"] = ["燕山中路", "昆仑北路", "育才南路", "泓口路", "天目湖镇平陵东路"],
    };

    /// <summary>市场主体类型 of limited companies, most common first.</summary>
    public static readonly (string Type, int Weight)[] CompanyTypes =
    [
        ("有限责任公司（自然人投资或控股）", 60), ("有限责任公司（自然人独资）", 22), ("有限责任公司（法人独资）", 12),
        ("有限责任公司（外商投资、非独资）", 6),
    ];

    public const string JointStockType = "股份有限公司（非上市、自然人投资或控股）";

    public const string IndividualBusinessType = "个体工商户";

    /// <summary>Serious penalties (严重失信) by 领域: what a black-list decision of that field follows from — its 处罚类别
    /// and the range of an organisation's fine in 万元. The violation, facts and legal basis are the black-list entry's own.</summary>
    public static readonly Dictionary<string, (string[] Types, decimal MinFine, decimal MaxFine)> SeriousPenalties =
        new(StringComparer.Ordinal)
        {
            ["食品药品"] = (["罚款", "没收违法所得"], 10, 80),
            ["产品质量"] = (["罚款", "没收违法所得"], 5, 50),
            ["生态环境"] = (["罚款", "责令停产停业"], 20, 100),
            ["工程质量"] = (["罚款", "降低资质等级"], 20, 80),
            ["安全生产"] = (["罚款", "责令停产停业"], 10, 100),
            ["消防安全"] = (["罚款", "责令停产停业"], 1, 5),
            ["检验检测"] = (["罚款", "没收违法所得"], 3, 10),
            ["税务"] = (["罚款"], 10, 200),
            ["社会保险"] = (["罚款"], 1, 10),
            ["劳动用工"] = (["罚款"], 2, 5),
            ["价格"] = (["罚款", "没收违法所得"], 5, 50),
            ["统计"] = (["罚款", "通报批评"], 5, 20),
            ["金融"] = (["罚款", "没收违法所得"], 50, 500),
            ["合同欺诈"] = (["罚款", "没收违法所得"], 1, 20),
            ["知识产权"] = (["罚款", "没收非法财物"], 5, 50),
            ["招标投标"] = (["罚款", "限制开展生产经营活动"], 5, 50),
            ["电子商务"] = (["罚款", "没收违法所得"], 20, 100),
            ["城市管理"] = (["罚款"], 1, 10),
            ["交通运输"] = (["罚款", "没收违法所得"], 1, 10),
            ["政府采购"] = (["罚款", "没收违法所得", "限制开展生产经营活动"], 1, 20),
        };

    /// <summary>General (一般) penalties of organisations, by 领域.</summary>
    public static readonly DemoPenaltyKind[] GeneralPenalties =
    [
        new("食品药品", "经营标签不符合规定的食品", "经营标签不符合食品安全标准规定的预包装食品，货值金额较小。", "《中华人民共和国食品安全法》第一百二十五条", ["罚款", "没收违法所得"], 0.5m, 5),
        new("产品质量", "销售不合格产品", "销售经监督抽查不合格的产品，未造成危害后果。", "《中华人民共和国产品质量法》第四十九条", ["罚款", "没收违法所得"], 0.5m, 5),
        new("生态环境", "危险废物贮存不符合规定", "危险废物贮存场所未设置识别标志，未按规定分类贮存。", "《中华人民共和国固体废物污染环境防治法》第一百一十二条", ["罚款"], 1, 10),
        new("安全生产", "未按规定开展安全生产教育和培训", "未按规定对从业人员进行安全生产教育和培训，经责令限期改正。", "《中华人民共和国安全生产法》第九十七条", ["罚款"], 1, 5),
        new("消防安全", "消防设施、器材未保持完好有效", "经营场所消防设施、器材未保持完好有效。", "《中华人民共和国消防法》第六十条", ["罚款"], 0.5m, 5),
        new("税务", "未按规定开具发票", "未按照规定开具发票，情节一般。", "《中华人民共和国发票管理办法》第三十五条", ["罚款", "没收违法所得"], 0.5m, 5),
        new("社会保险", "未按规定办理社会保险登记", "未按规定为职工办理社会保险登记，逾期未改正。", "《中华人民共和国社会保险法》第八十四条", ["罚款"], 0.5m, 3),
        new("劳动用工", "违反规定延长劳动者工作时间", "违反规定延长劳动者工作时间，经责令改正。", "《劳动保障监察条例》第二十五条", ["罚款"], 0.2m, 1),
        new("价格", "不执行明码标价规定", "未按规定明码标价，经责令改正后仍未改正。", "《明码标价和禁止价格欺诈规定》第二十一条", ["罚款"], 0.5m, 5),
        new("统计", "拒绝提供统计资料", "未按规定报送统计资料，经催报后仍未报送。", "《中华人民共和国统计法》第四十一条", ["警告", "罚款"], 1, 5),
        new("知识产权", "冒充注册商标", "在商品包装上使用未注册商标并标注注册标记。", "《中华人民共和国商标法》第五十二条", ["罚款"], 0.2m, 2),
        new("合同欺诈", "利用格式条款免除自身责任", "在格式合同中设置免除自身责任、加重消费者责任的条款。", "《合同行政监督管理办法》第十九条", ["警告", "罚款"], 0.1m, 1),
        new("工程质量", "未按规定进行见证取样检测", "施工单位未对涉及结构安全的试块、试件取样检测。", "《建设工程质量管理条例》第六十五条", ["罚款"], 10, 20),
        new("城市管理", "施工工地未采取扬尘防治措施", "施工工地未采取覆盖、冲洗等扬尘防治措施。", "《中华人民共和国大气污染防治法》第一百一十五条", ["罚款"], 1, 10),
        new("交通运输", "道路运输车辆未按规定进行年度审验", "所属营运车辆未按规定进行年度审验，仍从事道路运输经营。", "《中华人民共和国道路运输条例》第七十条", ["罚款"], 0.1m, 0.5m),
        new("检验检测", "未按规定保存原始记录", "未按规定保存检验检测原始记录和报告。", "《检验检测机构监督管理办法》第二十五条", ["罚款"], 0.5m, 3),
        new("电子商务", "未公示营业执照信息", "网店首页未持续公示营业执照信息，经责令限期改正。", "《中华人民共和国电子商务法》第七十六条", ["罚款"], 0.2m, 1),
    ];

    /// <summary>Minor (轻微) penalties of organisations, by 领域; several are small enough for the simplified procedure.</summary>
    public static readonly DemoPenaltyKind[] MinorPenalties =
    [
        new("食品药品", "未按规定公示食品经营许可证", "未在经营场所显著位置悬挂食品经营许可证。", "《中华人民共和国食品安全法》第一百二十六条", ["警告"], 0, 0),
        new("产品质量", "产品标识不符合规定", "销售的产品标识不符合规定，当场改正。", "《中华人民共和国产品质量法》第五十四条", ["警告"], 0, 0),
        new("生态环境", "未按规定公开环境信息", "未按规定公开排污信息，已改正。", "《企业环境信息依法披露管理办法》第二十八条", ["罚款"], 0.1m, 0.3m),
        new("安全生产", "未如实记录安全生产教育和培训情况", "未如实记录安全生产教育和培训情况。", "《中华人民共和国安全生产法》第九十七条", ["警告"], 0, 0),
        new("税务", "未按照规定期限办理纳税申报", "未按照规定期限办理纳税申报和报送纳税资料。", "《中华人民共和国税收征收管理法》第六十二条", ["罚款"], 0.02m, 0.2m),
        new("价格", "商品价格标签不规范", "部分商品价签内容不全，当场改正。", "《明码标价和禁止价格欺诈规定》第二十一条", ["警告"], 0, 0),
        new("统计", "迟报统计资料", "迟报统计资料，情节轻微。", "《中华人民共和国统计法》第四十一条", ["警告"], 0, 0),
        new("劳动用工", "未按规定建立职工名册", "未按规定建立职工名册，经责令改正。", "《劳动保障监察条例》第三十条", ["警告"], 0, 0),
        new("电子商务", "未在首页显著位置公示经营信息", "网店首页未显著公示经营者信息，已改正。", "《中华人民共和国电子商务法》第七十六条", ["罚款"], 0.1m, 0.3m),
        new("城市管理", "店外经营、乱堆乱放", "在门店外占道堆放物品经营。", "《城市市容和环境卫生管理条例》第三十六条", ["罚款"], 0.05m, 0.2m),
        new("消防安全", "占用防火间距", "在建筑物防火间距内堆放杂物，当场改正。", "《中华人民共和国消防法》第六十条", ["警告"], 0, 0),
    ];

    /// <summary>Penalties of natural persons: 城市管理 and 交通运输.</summary>
    public static readonly DemoPenaltyKind[] PersonPenalties =
    [
        new("城市管理", "擅自占用城市道路摆摊经营", "擅自占用城市道路摆摊经营，经劝阻后仍未停止。", "《城市市容和环境卫生管理条例》第三十六条", ["罚款"], 0.005m, 0.02m),
        new("城市管理", "乱张贴小广告", "在公共设施上张贴小广告。", "《城市市容和环境卫生管理条例》第三十四条", ["警告"], 0, 0),
        new("交通运输", "非法营运", "未取得道路运输经营许可，驾驶非营运车辆擅自从事道路旅客运输经营。", "《中华人民共和国道路运输条例》第六十三条", ["罚款", "没收违法所得"], 1, 3),
    ];

    /// <summary>The department that decides a penalty of a 领域 (when no black-list entry names one), and its number prefix.</summary>
    public static (string Department, string Prefix, bool ByDistrict) PenaltyDepartment(string field) => field switch
    {
        "食品药品" or "产品质量" or "价格" or "知识产权" or "合同欺诈" or "电子商务" or "检验检测" => ("市场监督管理局", "市监罚", true),
        "生态环境" => ("市生态环境局", "常环罚", false),
        "安全生产" => ("市应急管理局", "常应急罚", false),
        "消防安全" => ("市消防救援支队", "常消行罚决字", false),
        "税务" => ("常州市税务局", "常税罚", false),
        "社会保险" or "劳动用工" => ("市人社局", "常人社监罚", false),
        "统计" => ("市统计局", "常统罚", false),
        "工程质量" or "招标投标" => ("市住房和城乡建设局", "常住建罚", false),
        "城市管理" => ("市城管局", "常城管罚", false),
        "交通运输" => ("市交通局", "常交罚", false),
        "金融" => ("市地方金融监督管理局", "常金监罚", false),
        "政府采购" => ("市财政局", "常财购罚", false),
        _ => ("市市场监督管理局", "常市监罚", false),
    };

    /// <summary>证明事项告知承诺: who accepts it, the proof it replaces and what it is for.</summary>
    public static readonly (string Department, string Proof, string Matter)[] ProofCommitments =
    [
        ("市人社局", "社会保险缴纳证明", "政府采购投标"),
        ("常州市税务局", "纳税情况证明", "政府采购投标"),
        ("市市场监督管理局", "无违法违规经营证明", "申报市级专项资金"),
        ("市住房和城乡建设局", "企业业绩证明材料", "申请建筑业企业资质"),
        ("市应急管理局", "安全生产无事故证明", "申请安全生产许可证延期"),
    ];

    public const string PublicCommitment =
        "主动向社会公开承诺：严格遵守法律法规，依法诚信经营，如实提供信息，自觉接受政府部门、行业组织和社会公众的监督。";

    /// <summary>附件4: the e-commerce operators' pledge.</summary>
    public const string ECommerceCommitment =
        "电子商务经营者诚信经营承诺：如实公示经营信息，不虚构交易、不编造用户评价，不销售假冒伪劣商品，依法保障消费者合法权益。";

    public const string IndustryCommitment = "签署行业自律公约，承诺守法经营、公平竞争，不以不正当手段损害同行和消费者利益，接受行业协会监督。";

    /// <summary>The trade association (行业协会) an industry's companies sign a self-discipline pledge with.</summary>
    public static string AssociationOf(string? industryWord) => industryWord switch
    {
        "食品" or "餐饮管理" or "酒店管理" or "农副产品" or "调味品" or "乳业" => "常州市餐饮商会",
        "医药" or "药房连锁" or "医疗器械" => "常州市医药行业协会",
        "建设工程" or "建筑安装" or "市政工程" or "装饰工程" or "房地产开发" => "常州市建筑业协会",
        "物流" or "运输" or "客运" => "常州市物流协会",
        "电子商务" or "网络科技" or "商贸" or "贸易" => "常州市电子商务协会",
        _ => "常州市企业联合会",
    };
}
