namespace CreditSite.Import;

/// <summary>The words the demonstration data is made of: districts, name parts, industries and the list fields they
/// bring, decision number prefixes, reasons and honours. Fictitious, but in the shape of real Changzhou records.</summary>
internal static class DemoDataWords
{
    public static readonly (string Code, string Name, int Weight)[] Districts =
    [
        ("320402", "天宁", 16), ("320404", "钟楼", 14), ("320411", "新北", 20), ("320412", "武进", 24),
        ("320413", "金坛", 9), ("320481", "溧阳", 10), ("320400", "", 7),
    ];

    /// <summary>字号 (trade names) in their own right; 恒达 among them, the family the search examples use.</summary>
    public static readonly string[] Brands =
    [
        "恒达", "华宇", "鑫源", "金诚", "瑞丰", "永盛", "天润", "宏远", "隆泰", "新程", "博远", "嘉禾", "锦程", "信达", "汇通",
        "中扬", "东升", "龙城", "延陵", "运河", "天目湖", "滆湖", "季子", "茅山", "长荡湖", "红梅", "青果", "荆川", "晋陵",
        "丰华", "润泽", "立信", "创新", "德盛", "同舟", "万和", "盛世", "安达", "佳源", "联创",
    ];

    /// <summary>First and second characters of further two-character 字号. No second character starts an industry
    /// word below, and no pair spells a district, so a company name splits into its parts one way only.</summary>
    public static readonly string BrandFirsts = "恒华鑫金瑞永宏隆博嘉锦汇东丰润德万盛安佳富晨兴凯";

    public static readonly string BrandSeconds = "达宇源诚丰盛润远泰程禾通扬升和创邦利成峰辉宝顺康";

    /// <summary>Names the demonstration set must not make up because a hand-written subject carries them: the
    /// sign-in company and the role models under content/role-models.</summary>
    public static readonly string[] ReservedBrands = ["恒信", "澄锦", "禾悦", "清溪"];

    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "蒋", "沈", "钱", "顾", "陆", "恽", "庄", "盛",
    ];

    /// <summary>Given names for men: the 17th digit of their ID number is odd (GB 11643).</summary>
    public static readonly string[] MenGivenNames =
    [
        "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "建华", "文辉", "鹏飞", "志强", "晓东", "建国", "国平",
        "立新",
    ];

    /// <summary>Given names for women: the 17th digit of their ID number is even.</summary>
    public static readonly string[] WomenGivenNames =
    [
        "芳", "娜", "秀英", "敏", "静", "丽", "艳", "娟", "秀兰", "霞", "平", "玉兰", "萍", "红", "海燕", "小华",
    ];

    public static readonly string[] CommonFields = ["税务", "社会保险", "劳动用工", "统计", "消防安全", "司法执行"];

    /// <summary>An industry word of a company name and the list fields its decisions fall into.</summary>
    public sealed record Industry(string Word, string[] Fields);

    public static readonly Industry[] Industries = Flatten(
    [
        (["食品", "餐饮管理", "酒店管理", "农副产品", "调味品", "乳业"], ["食品药品", "产品质量"]),
        (["医药", "药房连锁", "医疗器械"], ["食品药品", "产品质量"]),
        (["化工", "新材料", "印染", "电镀", "环保科技"], ["生态环境", "安全生产"]),
        (["建设工程", "建筑安装", "市政工程", "装饰工程", "房地产开发"], ["工程质量", "招标投标", "安全生产"]),
        (["机械制造", "精密机械", "电子科技", "电气", "纺织", "汽车零部件", "光伏科技", "建材"], ["产品质量", "安全生产", "知识产权", "消防安全"]),
        (["商贸", "贸易", "电子商务", "网络科技"], ["电子商务", "合同欺诈", "价格", "知识产权"]),
        (["物流", "运输", "客运"], ["交通运输", "安全生产"]),
        (["投资管理", "资产管理", "融资担保"], ["金融", "合同欺诈"]),
        (["检测技术", "检验认证"], ["检验检测"]),
        (["物业管理", "保洁服务", "劳务派遣", "人力资源"], ["城市管理", "劳动用工", "社会保险"]),
        (["办公设备", "信息技术"], ["政府采购", "招标投标"]),
    ]);

    public static readonly string[] ShopKinds = ["面馆", "小吃店", "便利店", "五金店", "水果店", "理发店", "汽车修理部", "副食品商行"];

    public static readonly Dictionary<string, (string Black, string Red)> NumberPrefixes = new(StringComparer.Ordinal)
    {
        ["市市场监督管理局"] = ("常市监罚", "常市监发"),
        ["市生态环境局"] = ("常环罚", "常环发"),
        ["市住房和城乡建设局"] = ("常住建罚", "常住建发"),
        ["市应急管理局"] = ("常应急罚", "常应急发"),
        ["常州市税务局"] = ("常税稽罚", "常税发"),
        ["市人社局"] = ("常人社监罚", "常人社发"),
        ["市统计局"] = ("常统罚", "常统发"),
        ["市地方金融监督管理局"] = ("常金监罚", "常金监发"),
        ["市城管局"] = ("常城管罚", "常城管发"),
        ["市交通局"] = ("常交罚", "常交发"),
        ["市财政局"] = ("常财购罚", "常财发"),
        ["市商务局"] = ("常商务罚", "常商务发"),
        ["市发改委（市信用办）"] = ("常信用办罚", "常信用办"),
    };

    public static readonly Dictionary<string, (string Basis, string[] Summaries)> BlackReasons = new(StringComparer.Ordinal)
    {
        ["食品药品"] = ("《中华人民共和国食品安全法》第一百二十四条",
            ["经营超过保质期的食品，被处以罚款并没收违法所得。", "生产经营不符合食品安全标准的食品。", "未按规定查验并记录食品进货信息，经责令改正拒不改正。", "销售劣药，被没收违法所得并处罚款。"]),
        ["产品质量"] = ("《中华人民共和国产品质量法》第四十九条", ["生产、销售不符合保障人体健康和人身安全的国家标准的产品。", "产品监督抽查不合格，逾期不改正。"]),
        ["生态环境"] = ("《中华人民共和国水污染防治法》第八十三条", ["超过标准排放水污染物，被责令限制生产并处罚款。", "未依法报批环境影响评价文件擅自开工建设。", "篡改、伪造自动监测数据。"]),
        ["工程质量"] = ("《建设工程质量管理条例》第六十四条", ["施工中偷工减料，使用不合格的建筑材料、建筑构配件。", "未按照工程设计图纸和施工技术标准施工。"]),
        ["安全生产"] = ("《中华人民共和国安全生产法》第九十七条", ["未按规定对从业人员进行安全生产教育和培训，发生一般生产安全事故。", "未建立事故隐患排查治理制度，重大事故隐患逾期未整改。"]),
        ["消防安全"] = ("《中华人民共和国消防法》第六十条", ["占用、堵塞、封闭疏散通道和安全出口，经责令改正拒不改正。", "消防设施未保持完好有效。"]),
        ["检验检测"] = ("《检验检测机构监督管理办法》第二十六条", ["出具虚假检验检测报告。", "未经检验检测即出具检验检测报告。"]),
        ["税务"] = ("《重大税收违法失信主体信息公布管理办法》第六条", ["虚开增值税专用发票，属重大税收违法失信主体。", "采取欺骗、隐瞒手段进行虚假纳税申报，少缴税款。", "欠缴税款且转移、隐匿财产，逃避追缴欠税。"]),
        ["社会保险"] = ("《中华人民共和国社会保险法》第八十六条", ["未按时足额缴纳社会保险费，经责令限期缴纳逾期仍不缴纳。", "以欺诈手段骗取社会保险基金支出。"]),
        ["劳动用工"] = ("《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条", ["拖欠劳动者劳动报酬，经责令限期支付逾期仍不支付（恶意欠薪）。"]),
        ["价格"] = ("《中华人民共和国价格法》第四十条", ["捏造、散布涨价信息，哄抬价格。", "不执行政府指导价，违规收费。"]),
        ["统计"] = ("《中华人民共和国统计法》第四十一条", ["提供不真实的统计资料（统计造假）。", "拒绝提供统计资料，经催报后仍未报送。"]),
        ["金融"] = ("《防范和处置非法集资条例》第三十条", ["以高额回报为诱饵，未经批准向社会公众吸收资金。"]),
        ["合同欺诈"] = ("《合同行政监督管理办法》第六条", ["利用合同实施欺诈，骗取对方当事人财物。", "在格式条款中免除自身责任、加重消费者责任。"]),
        ["知识产权"] = ("《中华人民共和国商标法》第六十条", ["销售侵犯注册商标专用权的商品。", "假冒专利，被责令改正并处罚款。"]),
        ["招标投标"] = ("《中华人民共和国招标投标法》第五十三条", ["投标人相互串通投标。", "以他人名义投标，弄虚作假骗取中标。"]),
        ["电子商务"] = ("《中华人民共和国电子商务法》第十七条", ["网络交易中虚构交易、编造用户评价，欺骗、误导消费者。"]),
        ["城市管理"] = ("《江苏省城乡规划条例》第六十三条", ["违法建设，拒不履行限期拆除决定。", "擅自占用城市道路经营，屡教不改。"]),
        ["司法执行"] = ("《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条", ["有履行能力而拒不履行生效法律文书确定的义务。", "以虚假诉讼、虚假仲裁或者隐匿、转移财产等方法规避执行。"]),
        ["交通运输"] = ("《中华人民共和国道路运输条例》第六十六条", ["未取得道路运输经营许可，擅自从事道路运输经营。", "道路运输经营中发生严重违法行为，被列入严重失信名单。"]),
        ["政府采购"] = ("《中华人民共和国政府采购法》第七十七条", ["在政府采购活动中提供虚假材料谋取中标、成交。", "与采购人、其他供应商恶意串通。"]),
    };

    public sealed record Honour(string Department, string Field, string Basis, string Text);

    public static readonly Honour[] OrganisationHonours =
    [
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "入选常州市诚信示范企业。"),
        new("市市场监督管理局", "诚信典型", "《江苏省守合同重信用企业公示办法》第五条", "被公示为江苏省守合同重信用企业。"),
        new("常州市税务局", "税务", "《纳税信用管理办法》第二十条", "年度纳税信用评价为A级纳税人。"),
        new("市人社局", "劳动用工", "《江苏省和谐劳动关系企业评价办法》第四条", "被评为常州市和谐劳动关系企业。"),
        new("市生态环境局", "生态环境", "《江苏省企业环保信用评价办法》第十条", "环保信用评价为绿色企业。"),
        new("市市场监督管理局", "产品质量", "《江苏省企业质量信用评价办法》第八条", "质量信用等级评定为AA级企业。"),
    ];

    public static readonly Honour[] PersonHonours =
    [
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "被评为常州市诚信之星。"),
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "入选常州市道德模范（诚实守信类）。"),
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "被评为常州市优秀青年志愿者。"),
    ];

    private static Industry[] Flatten((string[] Words, string[] Fields)[] sectors) =>
        [.. sectors.SelectMany(s => s.Words.Select(word => new Industry(word, s.Fields)))];
}
