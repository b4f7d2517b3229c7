using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Indexing;
using CreditSite.Search;

namespace CreditSite.Core.Tests.Content;

public sealed class ContentLibraryTests : IDisposable
{
    private readonly ContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void LoadsPoliciesWithIssuerRelatedDocumentsAndAttachments()
    {
        var library = ContentLibrary.Load(_folder.Root);

        var notice = library.FindPolicy("notice")!;
        var attachment = library.FindPolicy("attachment-1")!;
        Assert.Equal("关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知", notice.Title);
        Assert.Equal("常州市社会信用体系建设领导小组办公室", notice.Issuer);
        Assert.Equal(new DateOnly(2019, 4, 16), notice.Date);
        Assert.Equal([attachment], library.AttachmentsOf(notice));
        Assert.Same(notice, library.ParentOf(attachment));
        Assert.Equal(1, attachment.AttachmentNumber);
        Assert.Equal(new RelatedDocument("国务院关于加强政务诚信建设的指导意见", "国发〔2016〕76号"), Assert.Single(attachment.RelatedDocuments));
        Assert.Equal(["notice", "attachment-1"], library.Policies.Select(p => p.Slug));
        Assert.Contains("<table>", attachment.BodyHtml.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesTaskItemsWithSectionNumberLeadAndCooperatingDepartments()
    {
        var tasks = ContentLibrary.Load(_folder.Root).FindPolicy("attachment-1")!.Tasks;

        Assert.Equal(3, tasks.Count);
        var task = tasks[1];
        Assert.Equal("三、加强重点领域政务诚信建设", task.Section);
        Assert.Equal("2", task.Number);
        Assert.Equal("财政资金补助领域", task.Title);
        Assert.Equal(["市财政局"], task.LeadDepartments);
        Assert.Equal(["市有关部门", "市市场监督管理局"], task.CooperatingDepartments);
    }

    [Fact]
    public void FindsWhatADepartmentLeadsAndWhereItCooperates()
    {
        var tasks = ContentLibrary.Load(_folder.Root).TasksOf("市市场监督管理局");

        Assert.Equal("强化消费者权益保障措施", Assert.Single(tasks.Leads).Task.Title);
        Assert.Equal("财政资金补助领域", Assert.Single(tasks.CoOperations).Task.Title);
        Assert.Equal(3, Assert.Single(tasks.KeyGroupsLed).Number);
        Assert.Equal("attachment-1", tasks.Leads[0].Policy.Slug);
    }

    [Theory]
    [InlineData("市场监督管理局")]
    [InlineData("不存在的部门")]
    [InlineData("")]
    public void FindsNothingForADepartmentNotNamedExactly(string department)
    {
        Assert.True(ContentLibrary.Load(_folder.Root).TasksOf(department).IsEmpty);
    }

    [Fact]
    public void ListsEveryDepartmentNamedInTasksOnce()
    {
        var departments = ContentLibrary.Load(_folder.Root).TaskDepartments;

        Assert.Equal(departments.Distinct().Count(), departments.Count);
        Assert.Contains("市市场监督管理局", departments);
        Assert.Contains("常州海关", departments);
        Assert.Contains("市政府办公室", departments);
    }

    /// <summary>A second attachment spelling the tax bureau, the court and the market regulator in two ways each,
    /// as the 2019 document does, with an aliases file merging them.</summary>
    private const string VariantSpellings = """
        ---
        type: policy
        title: 《市政府关于建立完善守信联合激励和失信联合惩戒制度的实施意见》任务分工
        date: 2019-04-16
        summary: 联合奖惩的任务分工。
        issuer: 常州市社会信用体系建设领导小组办公室
        parent: notice
        attachment_number: 2
        tasks:
          - { section: 一、明确联合奖惩对象和内容, number: 2, title: 红黑名单认定依据, lead: [市中级人民法院, 市税务局] }
          - { section: 二、褒扬和激励诚信, number: 1, title: 选树推介诚信典型, lead: [市文明办], cooperating: [常州市税务局, 市中级法院] }
          - { section: 三、惩戒失信, number: 1, title: 税收征管联合惩戒, lead: [常州市税务局], cooperating: [市中级人民法院] }
          - { section: 三、惩戒失信, number: 2, title: 涉税失信执行, lead: [市税务局], cooperating: [市中级法院, 市市场监管局] }
        ---
        """;

    private const string Aliases = """
        # 测试用：同一部门的不同写法
        常州市税务局: [市税务局]
        市中级人民法院:
          - 市中级法院
        市市场监督管理局: [市市场监管局]
        """;

    private ContentLibrary LoadWithVariantSpellings(bool withAliases = true)
    {
        _folder.Write("policies/attachment-2.md", VariantSpellings);
        if (withAliases)
        {
            _folder.Write(ContentLibrary.DepartmentAliasesFile, Aliases);
        }

        return ContentLibrary.Load(_folder.Root);
    }

    [Theory]
    // name asked for, canonical name shown, leads, co-operations (each spelling's tasks added up)
    [InlineData("常州市税务局", "常州市税务局", 3, 1)]
    [InlineData("市税务局", "常州市税务局", 3, 1)]
    [InlineData("市中级人民法院", "市中级人民法院", 1, 3)]
    [InlineData("市中级法院", "市中级人民法院", 1, 3)]
    [InlineData("市市场监督管理局", "市市场监督管理局", 1, 2)]
    [InlineData("市市场监管局", "市市场监督管理局", 1, 2)]
    public void FindsTheSameTasksUnderEverySpellingOfADepartment(string name, string canonical, int leads, int coOperations)
    {
        var library = LoadWithVariantSpellings();

        var tasks = library.TasksOf(name);

        Assert.Equal(canonical, tasks.Department);
        Assert.Equal(leads, tasks.Leads.Count);
        Assert.Equal(coOperations, tasks.CoOperations.Count);
        var byCanonical = library.TasksOf(canonical);
        Assert.Equal(byCanonical.Leads.Select(a => a.Task.Title), tasks.Leads.Select(a => a.Task.Title));
        Assert.Equal(byCanonical.CoOperations.Select(a => a.Task.Title), tasks.CoOperations.Select(a => a.Task.Title));
    }

    [Fact]
    public void CountsEachSpellingsTasksTogetherUnderTheCanonicalName()
    {
        var library = LoadWithVariantSpellings();
        var tasks = library.Policies.SelectMany(p => p.Tasks).ToList();

        var merged = library.TasksOf("常州市税务局");

        Assert.Equal(tasks.Count(t => t.IsLedBy("常州市税务局")) + tasks.Count(t => t.IsLedBy("市税务局")), merged.Leads.Count);
        Assert.Equal(["红黑名单认定依据", "税收征管联合惩戒", "涉税失信执行"], merged.Leads.Select(a => a.Task.Title));
        Assert.Equal(["市税务局"], merged.OtherSpellings);
    }

    [Fact]
    public void ListsOnlyCanonicalNamesWithNoTwoAliasesOfEachOther()
    {
        var library = LoadWithVariantSpellings();

        var departments = library.TaskDepartments;

        Assert.Contains("常州市税务局", departments);
        Assert.Contains("市中级人民法院", departments);
        Assert.DoesNotContain("市税务局", departments);
        Assert.DoesNotContain("市中级法院", departments);
        Assert.DoesNotContain("市市场监管局", departments);
        Assert.All(departments, d => Assert.Equal(d, library.CanonicalDepartment(d)));
        Assert.Equal(departments.Count, departments.Select(library.CanonicalDepartment).Distinct().Count());
    }

    [Fact]
    public void MatchesKeyGroupLeadDepartmentsThroughTheAliases()
    {
        _folder.Write("data/key-groups.yaml", ContentFolder.KeyGroups(29).Replace("lead: [市市场监督管理局]", "lead: [市市场监管局]", StringComparison.Ordinal));
        var library = LoadWithVariantSpellings();

        Assert.Equal(3, Assert.Single(library.TasksOf("市市场监督管理局").KeyGroupsLed).Number);
        Assert.Equal(3, Assert.Single(library.TasksOf("市市场监管局").KeyGroupsLed).Number);
    }

    [Fact]
    public void KeepsTheDocumentsOwnSpellingOnThePolicy()
    {
        var library = LoadWithVariantSpellings();

        var tasks = library.FindPolicy("attachment-2")!.Tasks;

        Assert.Equal(["市中级人民法院", "市税务局"], tasks[0].LeadDepartments);
        Assert.Equal(["常州市税务局", "市中级法院"], tasks[1].CooperatingDepartments);
    }

    [Fact]
    public void WithoutTheAliasesFileEverySpellingIsADepartmentOfItsOwn()
    {
        var library = LoadWithVariantSpellings(withAliases: false);

        Assert.Contains("市税务局", library.TaskDepartments);
        Assert.Contains("常州市税务局", library.TaskDepartments);
        Assert.Equal("市税务局", library.TasksOf("市税务局").Department);
        Assert.Equal(2, library.TasksOf("市税务局").Leads.Count);
        Assert.Equal("税收征管联合惩戒", Assert.Single(library.TasksOf("常州市税务局").Leads).Task.Title);
        Assert.Empty(library.TasksOf("市税务局").OtherSpellings);
    }

    [Fact]
    public void LoadsRoleModelsAnnouncementsAndTheKeyGroups()
    {
        var library = ContentLibrary.Load(_folder.Root);

        var model = Assert.Single(library.RoleModels);
        Assert.Equal(SubjectType.LegalPerson, model.SubjectType);
        Assert.Equal(ContentFolder.ValidUscc, model.Uscc!.Value.Value);
        Assert.Equal("守合同重信用企业", model.Category);
        Assert.True(model.IsDemo);
        var announcement = Assert.Single(library.Announcements);
        Assert.Equal(ListKind.Red, announcement.ListKind);
        Assert.Equal(["JS-2024-000001", "JS-2024-000002"], announcement.EntryIds);
        Assert.Equal(29, library.KeyGroups.Count);
        Assert.Equal(Enumerable.Range(1, 29), library.KeyGroups.Select(g => g.Number));
    }

    [Fact]
    public void ProjectsPagesIntoPlainTextSearchDocuments()
    {
        var documents = ContentLibrary.Load(_folder.Root).ToSearchDocuments().ToList();

        Assert.Equal(4, documents.Count);
        var attachment = documents.Single(d => d.Id == "policy:attachment-1");
        Assert.Equal(DocumentType.Policy, attachment.Type);
        Assert.Equal("/policies/attachment-1", attachment.Url);
        Assert.Equal(new DateOnly(2019, 4, 16), attachment.Date);
        Assert.Contains("市市场监督管理局", attachment.Body, StringComparison.Ordinal);
        Assert.Contains("依法行政", attachment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("|", attachment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<", attachment.Body, StringComparison.Ordinal);
        var model = documents.Single(d => d.Type == DocumentType.RoleModel);
        Assert.Equal("/role-models/precision-machinery", model.Url);
        Assert.Equal("守合同重信用企业", model.Category);
        Assert.Contains("常州某精密机械有限公司", model.Body, StringComparison.Ordinal);
        Assert.Equal("/announcements/red-list-2024-1", documents.Single(d => d.Type == DocumentType.Announcement).Url);
    }

    public static TheoryData<string, string, int, string> BrokenFiles => new()
    {
        // file, its text, the line the message must name, a fragment of the message
        { "policies/memo.md", "---\ntype: memo\ntitle: 备忘\ndate: 2019-04-16\nsummary: 摘要\n---\n", 2, "未知的类型 “memo”" },
        { "announcements/wrong-folder.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\n---\n", 2, "与所在文件夹 announcements/ 不符" },
        { "policies/no-title.md", "---\ntype: policy\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\n---\n", 2, "缺少必填项 “title”" },
        { "policies/empty-title.md", "---\ntype: policy\ntitle:\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\n---\n", 3, "“title” 不能为空" },
        { "policies/no-type.md", "---\ntitle: 通知\ndate: 2019-04-16\n---\n", 2, "缺少必填项 “type”" },
        { "policies/bad-date.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-13-40\nsummary: 摘要\nissuer: 市信用办\n---\n", 4, "yyyy-MM-dd" },
        { "policies/slash-date.md", "---\ntype: policy\ntitle: 通知\ndate: 2019/04/16\nsummary: 摘要\nissuer: 市信用办\n---\n", 4, "yyyy-MM-dd" },
        { "policies/bad-yaml.md", "---\ntype: policy\ntitle: [通知\ndate: 2019-04-16\n---\n", 3, "YAML 格式错误" },
        { "policies/Bad_Slug.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\n---\n", 1, "不能用作网址" },
        { "policies/tasks.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\n---\n", 1, "已被网站占用" },
        { "policies/no-front-matter.md", "# 通知\n\n正文\n", 1, "---" },
        { "policies/bad-validity.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\nvalidity: 现行\n---\n", 7, "“validity” 应为 有效、失效、废止 之一" },
        { "policies/bad-written.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\nwritten: 2019年4月16日\n---\n", 7, "yyyy-MM-dd" },
        { "policies/bad-index-number.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\nindex_number: 索引 001\n---\n", 7, "“index_number” 应为索引号" },
        { "policies/demo-yes.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\ndemo: yes\n---\n", 7, "true 或 false" },
        { "policies/typo.md", "---\ntype: policy\ntitle: 通知\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\nissuer_name: 市信用办\n---\n", 7, "未知的键 “issuer_name”" },
        { "policies/orphan.md", "---\ntype: policy\ntitle: 附件\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\nparent: no-such-notice\nattachment_number: 2\n---\n", 7, "no-such-notice.md 不存在" },
        { "policies/second-one.md", "---\ntype: policy\ntitle: 附件\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\nparent: notice\nattachment_number: 1\n---\n", 8, "已有附件 1" },
        { "policies/task-no-lead.md", "---\ntype: policy\ntitle: 附件\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\ntasks:\n  - section: 一、基本原则\n    number: 1\n    title: 依法行政\n---\n", 8, "缺少必填项 “lead”" },
        { "policies/task-empty-lead.md", "---\ntype: policy\ntitle: 附件\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\ntasks:\n  - section: 一、基本原则\n    number: 1\n    title: 依法行政\n    lead: []\n---\n", 11, "至少要有一项" },
        { "policies/task-joined.md", "---\ntype: policy\ntitle: 附件\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\ntasks:\n  - section: 一、基本原则\n    number: 1\n    title: 依法行政\n    lead: [市委组织部]\n    cooperating:\n      - 市纪委、市检察院\n---\n", 13, "只写一个单位" },
        { "policies/task-typo.md", "---\ntype: policy\ntitle: 附件\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\ntasks:\n  - section: 一、基本原则\n    number: 1\n    title: 依法行政\n    lead: [市委组织部]\n    cooperatng: [市纪委]\n---\n", 12, "未知的键 “cooperatng”" },
        { "policies/duplicate-key.md", "---\ntype: policy\ntitle: 通知\ntitle: 又一个标题\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\n---\n", 4, "键 “title” 出现了两次" },
        { "role-models/bad-uscc.md", "---\ntype: role-model\ntitle: 典型\ndate: 2024-05-20\nsummary: 摘要\nsubject_name: 某公司\nsubject_type: legal_person\nuscc: 914403001922038217\ncategory: 诚信标兵\nawarded_by: 市信用办\n---\n", 8, "统一社会信用代码" },
        { "role-models/bad-subject-type.md", "---\ntype: role-model\ntitle: 典型\ndate: 2024-05-20\nsummary: 摘要\nsubject_name: 某公司\nsubject_type: company\ncategory: 诚信标兵\nawarded_by: 市信用办\n---\n", 7, "legal_person" },
        { "role-models/no-category.md", "---\ntype: role-model\ntitle: 典型\ndate: 2024-05-20\nsummary: 摘要\nsubject_name: 张某\nsubject_type: natural_person\nawarded_by: 市文明办\n---\n", 2, "缺少必填项 “category”" },
        { "announcements/bad-kind.md", "---\ntype: announcement\ntitle: 公告\ndate: 2024-06-01\nsummary: 摘要\nissuer: 市信用办\nlist_kind: grey\n---\n", 7, "red 或 black" },
        { "data/key-groups.yaml", ContentFolder.KeyGroups(28), 1, "应正好列出 29 类重点人群" },
        { "data/key-groups.yaml", ContentFolder.KeyGroups(29).Replace("- number: 29", "- number: 28", StringComparison.Ordinal), 113, "序号 28 重复" },
        { "data/key-groups.yaml", ReplaceFirst(ContentFolder.KeyGroups(29), "  lead: [市人社局]\n", "  lead: []\n"), 3, "至少要有一项" },
        { "data/key-groups.yaml", "number: 1\nname: 公务员\n", 1, "应为列表" },
        { "data/department-aliases.yaml", "# 注释\n- 市市场监督管理局\n", 2, "应为 “标准名称: [别名, …]” 的形式" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市市场监管局]\n市商务局: [市市场监管局]\n", 2, "已列在 “市市场监督管理局” 下" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市市场监管局, 市市场监管局]\n", 1, "在 “市市场监督管理局” 下重复" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市商务局]\n市商务局: [市商务委]\n", 1, "本身是第 2 行的标准名称" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市市场监督管理局]\n", 1, "与它的标准名称相同" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市市场监管局]\n市市场监督管理局: [市场监管局]\n", 2, "键 “市市场监督管理局” 出现了两次" },
        { "data/department-aliases.yaml", "市市场监督管理局: []\n", 1, "至少要列出一个别名" },
        { "data/department-aliases.yaml", "市市场监督管理局:\n", 1, "至少要列出一个别名" },
        { "data/department-aliases.yaml", "市市场监督管理局:\n  别名: 市市场监管局\n", 2, "别名应为列表" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市市场监管局、市场监管局]\n", 1, "只写一个名称" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市市场监管局", 1, "YAML 格式错误" },
        { "data/department-aliases.yaml", "市市场监督管理局: [市市场监管局]\n", 1, "没有出现在任何任务或重点人群中" },
    };

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void RefusesABrokenFileNamingItsPathAndLine(string file, string text, int line, string fragment)
    {
        _folder.Write(file, text);

        var error = Assert.Throws<ContentException>(() => ContentLibrary.Load(_folder.Root));

        var problem = Assert.Single(error.Problems, p => p.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal("content/" + file, problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.Contains($"content/{file}:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsEveryBrokenFileInOneMessage()
    {
        _folder.Write("policies/no-title.md", "---\ntype: policy\ndate: 2019-04-16\nsummary: 摘要\nissuer: 市信用办\n---\n")
            .Write("announcements/bad-date.md", "---\ntype: announcement\ntitle: 公告\ndate: 明天\nsummary: 摘要\nissuer: 市信用办\n---\n");

        var error = Assert.Throws<ContentException>(() => ContentLibrary.Load(_folder.Root));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("content/policies/no-title.md:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("content/announcements/bad-date.md:4:", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("内容文件有 2 处错误", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAFolderWithoutTheKeyGroupsFile()
    {
        _folder.Delete("data/key-groups.yaml");

        var error = Assert.Throws<ContentException>(() => ContentLibrary.Load(_folder.Root));

        Assert.Contains("content/data/key-groups.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsAnEmptyAliasesFileAsNoAliases()
    {
        _folder.Write(ContentLibrary.DepartmentAliasesFile, "# 暂无别名\n");

        var library = ContentLibrary.Load(_folder.Root);

        Assert.Equal("市市场监督管理局", library.TasksOf("市市场监督管理局").Department);
        Assert.Contains("市市场监督管理局", library.TaskDepartments);
    }

    [Fact]
    public void RefusesAMissingContentFolder()
    {
        var error = Assert.Throws<ContentException>(() => ContentLibrary.Load(Path.Combine(_folder.Root, "nope")));

        Assert.Contains("不存在", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task-division-notice-2019", true)]
    [InlineData("a", true)]
    [InlineData("attachment-1", true)]
    [InlineData("Notice", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("通知", false)]
    [InlineData("a_b", false)]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AcceptsOnlyLowerCaseAsciiSlugs(string? slug, bool valid)
    {
        Assert.Equal(valid, ContentLibrary.IsValidSlug(slug));
    }
}
