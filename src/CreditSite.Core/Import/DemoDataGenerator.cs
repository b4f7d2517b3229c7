using System.Globalization;
using System.Text;
using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.Import;

/// <summary>Makes a fictitious but plausible set of Changzhou list entries for demonstrations and benchmarks:
/// Changzhou division codes, USCCs and resident ID numbers with valid check characters, company names built from
/// district, brand and industry words, the departments and fields of the 2019 notice, decision numbers such as
/// 常市监罚〔2024〕123号, publication periods within the maximum for each severity, and a mix of statuses (mostly in
/// public view, some exited, repaired, under objection or already past their date). The same seed, count and
/// <c>today</c> always give the same file.</summary>
public sealed class DemoDataGenerator(int seed = DemoDataGenerator.DefaultSeed)
{
    /// <summary>The year of the source notice.</summary>
    public const int DefaultSeed = 2019;

    private static readonly (string Code, string Name, int Weight)[] Districts =
    [
        ("320402", "天宁", 16), ("320404", "钟楼", 14), ("320411", "新北", 20), ("320412", "武进", 24),
        ("320413", "金坛", 9), ("320481", "溧阳", 10), ("320400", "", 7),
    ];

    private static readonly string[] Brands =
    [
        "恒达", "华宇", "鑫源", "金诚", "瑞丰", "永盛", "天润", "宏远", "隆泰", "新程", "博远", "嘉禾", "锦程", "信达", "汇通",
        "中扬", "东升", "龙城", "延陵", "运河", "天目湖", "滆湖", "季子", "茅山", "长荡湖", "红梅", "青果", "荆川", "晋陵",
        "丰华", "润泽", "立信", "创新", "德盛", "同舟", "万和", "盛世", "安达", "佳源", "联创",
    ];

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "蒋", "沈", "钱", "顾", "陆", "恽", "庄", "盛",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰",
        "霞", "平", "刚", "建华", "文辉", "玉兰", "萍", "红", "鹏飞", "海燕", "志强", "晓东", "建国", "国平", "小华", "立新",
    ];

    private static readonly string[] CommonFields = ["税务", "社会保险", "劳动用工", "统计", "消防安全", "司法执行"];

    private sealed record Sector(string[] Industries, string[] Fields);

    private static readonly Sector[] Sectors =
    [
        new(["食品", "餐饮管理", "酒店管理", "农副产品", "调味品", "乳业"], ["食品药品", "产品质量"]),
        new(["医药", "药房连锁", "医疗器械"], ["食品药品", "产品质量"]),
        new(["化工", "新材料", "印染", "电镀", "环保科技"], ["生态环境", "安全生产"]),
        new(["建设工程", "建筑安装", "市政工程", "装饰工程", "房地产开发"], ["工程质量", "招标投标", "安全生产"]),
        new(["机械制造", "精密机械", "电子科技", "电气", "纺织", "汽车零部件", "光伏科技"], ["产品质量", "安全生产", "知识产权", "消防安全"]),
        new(["商贸", "贸易", "电子商务", "网络科技"], ["电子商务", "合同欺诈", "价格", "知识产权"]),
        new(["物流", "运输", "客运"], ["交通运输", "安全生产"]),
        new(["投资管理", "资产管理", "融资担保"], ["金融", "合同欺诈"]),
        new(["检测技术", "检验认证"], ["检验检测"]),
        new(["物业管理", "保洁服务", "劳务派遣", "人力资源"], ["城市管理", "劳动用工", "社会保险"]),
        new(["办公设备", "信息技术"], ["政府采购", "招标投标"]),
    ];

    private static readonly string[] ShopKinds = ["面馆", "小吃店", "便利店", "五金店", "水果店", "理发店", "汽车修理部", "副食品商行"];

    private static readonly Dictionary<string, (string Black, string Red)> NumberPrefixes = new(StringComparer.Ordinal)
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

    private static readonly Dictionary<string, (string Basis, string[] Summaries)> BlackReasons = new(StringComparer.Ordinal)
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

    private sealed record Honour(string Department, string Field, string Basis, string Text);

    private static readonly Honour[] OrganisationHonours =
    [
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "入选常州市诚信示范企业。"),
        new("市市场监督管理局", "诚信典型", "《江苏省守合同重信用企业公示办法》第五条", "被公示为江苏省守合同重信用企业。"),
        new("常州市税务局", "税务", "《纳税信用管理办法》第二十条", "年度纳税信用评价为A级纳税人。"),
        new("市人社局", "劳动用工", "《江苏省和谐劳动关系企业评价办法》第四条", "被评为常州市和谐劳动关系企业。"),
        new("市生态环境局", "生态环境", "《江苏省企业环保信用评价办法》第十条", "环保信用评价为绿色企业。"),
        new("市市场监督管理局", "产品质量", "《江苏省企业质量信用评价办法》第八条", "质量信用等级评定为AA级企业。"),
    ];

    private static readonly Honour[] PersonHonours =
    [
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "被评为常州市诚信之星。"),
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "入选常州市道德模范（诚实守信类）。"),
        new("市发改委（市信用办）", "诚信典型", "《江苏省社会信用条例》第二十七条", "被评为常州市优秀青年志愿者。"),
    ];

    private static readonly Dictionary<string, string[]> DepartmentsByField = BuildDepartmentsByField();

    private sealed record Subject(SubjectType Type, string Name, string? Uscc, string? IdNumber, Sector? Sector);

    /// <summary>Rows in the order of <see cref="ListImportColumns.All"/>.</summary>
    public IEnumerable<string?[]> Rows(int count, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        // About 1.6 entries per subject: some subjects appear on several lists, as in real data.
        var subjectCount = Math.Max(1, (int)(count * 0.6));
        var serial = new Dictionary<(string, int), int>();
        for (var n = 1; n <= count; n++)
        {
            var subject = SubjectAt(random.Next(subjectCount));
            yield return Entry(n, subject, random, today, serial);
        }
    }

    public void WriteCsv(TextWriter writer, int count, DateOnly today, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ListCsvWriter.WriteHeader(writer);
        long written = 0;
        foreach (var row in Rows(count, today))
        {
            ListCsvWriter.WriteRow(writer, row);
            if (++written % 10_000 == 0)
            {
                progress?.Report(written);
            }
        }

        progress?.Report(written);
    }

    public void WriteCsv(string path, int count, DateOnly today, IProgress<long>? progress = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        WriteCsv(writer, count, today, progress);
    }

    /// <summary>The subject with this number: always the same for the same seed, without keeping a table of them.</summary>
    private Subject SubjectAt(int index)
    {
        var random = new Random(unchecked((seed * 7919) + (index * 104729) + 17));
        var district = Weighted(random, Districts);
        var roll = random.Next(100);
        if (roll < 12)
        {
            var surname = Surnames[random.Next(Surnames.Length)];
            var name = surname + GivenNames[random.Next(GivenNames.Length)];
            var birth = new DateOnly(1955, 1, 1).AddDays(random.Next(0, 45 * 365));
            var sequence = (index % 1000).ToString("D3", CultureInfo.InvariantCulture);
            var id = ResidentIdNumber.Complete(DivisionForPerson(district.Code) + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence);
            return new Subject(SubjectType.NaturalPerson, name, null, id.Value, null);
        }

        if (roll < 16)
        {
            var surname = Surnames[random.Next(Surnames.Length)];
            var shop = ShopKinds[random.Next(ShopKinds.Length)];
            var place = district.Code switch { "320400" => "常州市", "320481" => "溧阳市", _ => $"常州市{district.Name}区" };
            var uscc = UnifiedSocialCreditCode.Complete("92" + district.Code + "MA" + Base31(index, 6));
            return new Subject(SubjectType.OtherOrganization, $"{place}{surname}记{shop}", uscc.Value, null, null);
        }

        var sector = Sectors[random.Next(Sectors.Length)];
        var industry = sector.Industries[random.Next(sector.Industries.Length)];
        var brand = Brands[random.Next(Brands.Length)];
        var where = district.Name.Length > 0 && random.Next(2) == 0 ? district.Name : string.Empty;
        var suffix = random.Next(10) switch { 0 => "股份有限公司", 1 => "有限责任公司", _ => "有限公司" };
        var organisation = random.Next(10) < 7 ? "MA" + Base31(index, 6) : "6" + (index % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var code = UnifiedSocialCreditCode.Complete("91" + district.Code + organisation);
        return new Subject(SubjectType.LegalPerson, $"常州{where}{brand}{industry}{suffix}", code.Value, null, sector);
    }

    private static string?[] Entry(int n, Subject subject, Random random, DateOnly today, Dictionary<(string, int), int> serial)
    {
        var red = random.Next(100) < (subject.Type == SubjectType.NaturalPerson ? 15 : 28);
        var decided = today.AddDays(-random.Next(0, 1200));
        string field, department, basis, summary;
        Severity? severity = null;
        DateOnly until;
        if (red)
        {
            var honours = subject.Type == SubjectType.NaturalPerson ? PersonHonours : OrganisationHonours;
            var honour = honours[random.Next(honours.Length)];
            (field, department, basis) = (honour.Field, honour.Department, honour.Basis);
            summary = honour.Text.Contains("年度", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"{decided.Year - 1}{honour.Text}")
                : honour.Text;
            until = decided.AddYears(random.Next(2, 4));
        }
        else
        {
            field = BlackField(subject, random);
            var departments = DepartmentsByField[field];
            department = departments[random.Next(departments.Length)];
            var reason = BlackReasons[field];
            basis = reason.Basis;
            summary = reason.Summaries[random.Next(reason.Summaries.Length)];
            var level = random.Next(100) switch { < 20 => Severity.Minor, < 65 => Severity.General, _ => Severity.Serious };
            severity = level;
            var maximum = PublicationPeriod.Maximum(ListKind.Black, level, decided)!.Value;
            var minimum = level switch { Severity.Minor => decided.AddMonths(1), Severity.General => decided.AddMonths(3), _ => decided.AddYears(1) };
            until = minimum.AddDays(random.Next(0, maximum.DayNumber - minimum.DayNumber + 1));
        }

        var status = random.Next(100) switch
        {
            < 82 => EntryStatus.Active,
            < 87 => EntryStatus.UnderObjection,
            < 93 => EntryStatus.Exited,
            _ => EntryStatus.Repaired,
        };
        if (status == EntryStatus.Repaired && (red || PublicationPeriod.RepairableFrom(severity!.Value, decided) > today))
        {
            status = EntryStatus.Active; // repair only exists for black entries past their minimum period
        }

        var key = (department, decided.Year);
        serial[key] = serial.TryGetValue(key, out var last) ? last + 1 : 1 + random.Next(0, 40);
        var number = DecisionNumber(department, red, decided.Year, serial[key]);

        return
        [
            string.Create(CultureInfo.InvariantCulture, $"DEMO-{n:D7}"),
            red ? "red" : "black",
            subject.Type.Code(),
            subject.Name,
            subject.Uscc,
            subject.IdNumber,
            field,
            department,
            number,
            decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            severity?.Code(),
            basis,
            summary,
            status.Code(),
        ];
    }

    private static string BlackField(Subject subject, Random random) => subject.Type switch
    {
        SubjectType.NaturalPerson => random.Next(100) < 85 ? "司法执行" : "交通运输",
        SubjectType.OtherOrganization => random.Next(3) switch { 0 => "食品药品", 1 => "价格", _ => "城市管理" },
        _ => random.Next(100) < 70
            ? subject.Sector!.Fields[random.Next(subject.Sector.Fields.Length)]
            : CommonFields[random.Next(CommonFields.Length)],
    };

    private static string DecisionNumber(string department, bool red, int year, int serial)
    {
        if (department == "市中级人民法院")
        {
            return string.Create(CultureInfo.InvariantCulture, $"（{year}）苏04执{serial}号");
        }

        var prefix = NumberPrefixes.TryGetValue(department, out var p) ? (red ? p.Red : p.Black) : "常";
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{serial}号");
    }

    /// <summary>ID numbers carry a district code; the city-level code stands for no district, so use the old town's.</summary>
    private static string DivisionForPerson(string district) => district == "320400" ? "320402" : district;

    private static string Base31(int value, int length)
    {
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = UnifiedSocialCreditCode.Alphabet[value % 31];
            value /= 31;
        }

        return new string(chars);
    }

    private static (string Code, string Name, int Weight) Weighted(Random random, (string Code, string Name, int Weight)[] items)
    {
        var total = items.Sum(i => i.Weight);
        var roll = random.Next(total);
        foreach (var item in items)
        {
            if (roll < item.Weight)
            {
                return item;
            }

            roll -= item.Weight;
        }

        return items[^1];
    }

    private static Dictionary<string, string[]> BuildDepartmentsByField()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (department, fields) in Departments.FieldsByDepartment)
        {
            foreach (var field in fields)
            {
                if (!map.TryGetValue(field, out var list))
                {
                    map[field] = list = [];
                }

                list.Add(department);
            }
        }

        return map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
