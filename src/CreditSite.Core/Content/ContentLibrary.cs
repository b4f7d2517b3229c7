using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

/// <summary>A task together with the policy it belongs to.</summary>
public sealed record TaskAssignment(Policy Policy, PolicyTask Task);

/// <summary>What one department leads (牵头/责任) and where it co-operates (配合).</summary>
public sealed record DepartmentTasks(
    string Department,
    IReadOnlyList<TaskAssignment> Leads,
    IReadOnlyList<TaskAssignment> CoOperations,
    IReadOnlyList<KeyOccupationalGroup> KeyGroupsLed)
{
    /// <summary>Other ways the source document spells this department (from department-aliases.yaml).</summary>
    public IReadOnlyList<string> OtherSpellings { get; init; } = [];

    public bool IsEmpty => Leads.Count == 0 && CoOperations.Count == 0 && KeyGroupsLed.Count == 0;
}

/// <summary>Everything published from <c>content/</c>, loaded and validated once at start-up. <see cref="Load"/>
/// either returns a complete library or throws one <see cref="ContentException"/> listing every broken file and line:
/// the site never serves part of the content.</summary>
public sealed partial class ContentLibrary
{
    public const string PolicyType = "policy";
    public const string RoleModelType = "role-model";
    public const string AnnouncementType = "announcement";
    public const string KeyGroupsFile = "data/key-groups.yaml";
    public const string DepartmentAliasesFile = "data/department-aliases.yaml";

    /// <summary>Slugs under /policies/ that are routes of their own.</summary>
    private static readonly HashSet<string> ReservedPolicySlugs = new(StringComparer.Ordinal) { "tasks" };

    private static readonly (string Folder, string Type)[] Folders =
    [
        ("policies", PolicyType),
        ("role-models", RoleModelType),
        ("announcements", AnnouncementType),
    ];

    private static readonly StringComparer ChineseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    private readonly Dictionary<string, Policy> _policies;
    private readonly Dictionary<string, RoleModel> _roleModels;
    private readonly Dictionary<string, Announcement> _announcements;
    private readonly DepartmentAliases _departmentAliases;

    private ContentLibrary(IReadOnlyList<Policy> policies, IReadOnlyList<RoleModel> roleModels,
        IReadOnlyList<Announcement> announcements, IReadOnlyList<KeyOccupationalGroup> keyGroups,
        DepartmentAliases departmentAliases)
    {
        _departmentAliases = departmentAliases;
        Policies = OrderPolicies(policies);
        RoleModels = [.. roleModels.OrderByDescending(r => r.Date).ThenBy(r => r.Slug, StringComparer.Ordinal)];
        Announcements = [.. announcements.OrderByDescending(a => a.Date).ThenBy(a => a.Slug, StringComparer.Ordinal)];
        KeyGroups = [.. keyGroups.OrderBy(g => g.Number)];
        _policies = Policies.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        _roleModels = RoleModels.ToDictionary(r => r.Slug, StringComparer.Ordinal);
        _announcements = Announcements.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        TaskDepartments = [.. Policies.SelectMany(p => p.Tasks)
            .SelectMany(t => t.LeadDepartments.Concat(t.CooperatingDepartments))
            .Select(departmentAliases.Canonical)
            .Distinct(StringComparer.Ordinal)
            .Order(ChineseOrder)];
    }

    /// <summary>Notices newest first, each followed by its attachments in order.</summary>
    public IReadOnlyList<Policy> Policies { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RoleModel> RoleModels { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Announcement> Announcements { get; }

    /// <summary>The 29 key occupational groups in their numbered order.</summary>
    public IReadOnlyList<KeyOccupationalGroup> KeyGroups { get; }

    /// <summary>Every department named in a task (lead or co-operating), in Chinese (pinyin) order; variant spellings
    /// listed in department-aliases.yaml appear once, under their canonical name.</summary>
    public IReadOnlyList<string> TaskDepartments { get; }

    /// <summary>Policies that are not an attachment of another.</summary>
    public IEnumerable<Policy> Notices => Policies.Where(p => p.ParentSlug is null);

    public Policy? FindPolicy(string? slug) => Find(_policies, slug);

    public RoleModel? FindRoleModel(string? slug) => Find(_roleModels, slug);

    public Announcement? FindAnnouncement(string? slug) => Find(_announcements, slug);

    public Policy? ParentOf(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return FindPolicy(policy.ParentSlug);
    }

    public IReadOnlyList<Policy> AttachmentsOf(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. Policies.Where(p => string.Equals(p.ParentSlug, policy.Slug, StringComparison.Ordinal))];
    }

    /// <summary>The canonical name of a department: itself unless department-aliases.yaml lists it as a variant.</summary>
    public string CanonicalDepartment(string department) => _departmentAliases.Canonical(department);

    /// <summary>The tasks a department leads and those it co-operates on, in document order. The name may be the
    /// canonical one or any variant spelling; every spelling of that department matches, and the result carries the
    /// canonical name. Otherwise names match exactly as the source document writes them.</summary>
    public DepartmentTasks TasksOf(string department)
    {
        ArgumentNullException.ThrowIfNull(department);
        var canonical = _departmentAliases.Canonical(department);
        bool IsThisDepartment(string name) => string.Equals(_departmentAliases.Canonical(name), canonical, StringComparison.Ordinal);
        var all = Policies.SelectMany(p => p.Tasks.Select(t => new TaskAssignment(p, t))).ToList();
        return new DepartmentTasks(
            canonical,
            [.. all.Where(a => a.Task.LeadDepartments.Any(IsThisDepartment))],
            [.. all.Where(a => a.Task.CooperatingDepartments.Any(IsThisDepartment))],
            [.. KeyGroups.Where(g => g.LeadDepartments.Any(IsThisDepartment))])
        {
            OtherSpellings = _departmentAliases.VariantsOf(canonical),
        };
    }

    /// <summary>The published pages as search documents (policies, role models, announcements), with plain-text bodies.</summary>
    public IEnumerable<SearchDocument> ToSearchDocuments()
    {
        foreach (var policy in Policies)
        {
            var body = new StringBuilder();
            AppendLine(body, policy.Summary);
            AppendLine(body, policy.Issuer);
            AppendLine(body, policy.DocumentNumber);
            foreach (var related in policy.RelatedDocuments)
            {
                AppendLine(body, $"{related.Title} {related.Number}");
            }

            AppendLine(body, policy.BodyText);
            foreach (var task in policy.Tasks)
            {
                AppendLine(body, $"{task.Section} {task.Number}、{task.Title} 牵头单位：{string.Join('、', task.LeadDepartments)} 配合单位：{string.Join('、', task.CooperatingDepartments)}");
            }

            yield return new SearchDocument
            {
                Id = "policy:" + policy.Slug,
                Type = DocumentType.Policy,
                Title = policy.Title,
                Body = body.ToString().TrimEnd(),
                Url = policy.Url,
                Date = policy.Date,
                IssuingDepartment = policy.Issuer,
                DecisionNumber = policy.DocumentNumber,
            };
        }

        foreach (var model in RoleModels)
        {
            var body = new StringBuilder();
            AppendLine(body, model.SubjectName);
            AppendLine(body, model.Summary);
            AppendLine(body, $"{model.Category} {model.AwardedBy}");
            AppendLine(body, model.BodyText);
            yield return new SearchDocument
            {
                Id = "role-model:" + model.Slug,
                Type = DocumentType.RoleModel,
                Title = model.Title,
                Body = body.ToString().TrimEnd(),
                Url = model.Url,
                Date = model.Date,
                Category = model.Category,
                IssuingDepartment = model.AwardedBy,
                // Honours belong on the subject's page and report, found by the subject's USCC.
                SubjectName = model.SubjectName,
                SubjectType = model.SubjectType,
                Uscc = model.Uscc?.Value,
                SubjectKey = model.Uscc?.Value,
            };
        }

        foreach (var announcement in Announcements)
        {
            var body = new StringBuilder();
            AppendLine(body, announcement.Summary);
            AppendLine(body, announcement.Issuer);
            AppendLine(body, announcement.BodyText);
            yield return new SearchDocument
            {
                Id = "announcement:" + announcement.Slug,
                Type = DocumentType.Announcement,
                Title = announcement.Title,
                Body = body.ToString().TrimEnd(),
                Url = announcement.Url,
                Date = announcement.Date,
                IssuingDepartment = announcement.Issuer,
            };
        }
    }

    /// <summary>True for a well-formed slug: lower-case ASCII letters and digits, words joined by single hyphens.</summary>
    public static bool IsValidSlug(string? slug) => slug is { Length: > 0 and <= 100 } && SlugPattern().IsMatch(slug);

    /// <summary>Loads and validates everything under <paramref name="contentPath"/>.</summary>
    /// <exception cref="ContentException">Any file is broken; the message lists each file and line.</exception>
    public static ContentLibrary Load(string contentPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentPath);
        var root = Path.GetFullPath(contentPath);
        var displayBase = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? root;
        string Display(string file) => Path.GetRelativePath(displayBase, file).Replace('\\', '/');

        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            throw new ContentException([new ContentProblem(Display(root), 0, "内容文件夹不存在。")]);
        }

        var loader = new Loader(problems);
        foreach (var (folder, type) in Folders)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                loader.LoadPage(file, Display(file), folder, type);
            }
        }

        var keyGroupsPath = Path.Combine(root, KeyGroupsFile);
        var keyGroups = File.Exists(keyGroupsPath)
            ? loader.LoadKeyGroups(File.ReadAllText(keyGroupsPath), Display(keyGroupsPath))
            : [];
        if (!File.Exists(keyGroupsPath))
        {
            problems.Add(new ContentProblem(Display(keyGroupsPath), 0, $"缺少数据文件：应列出 {KeyOccupationalGroup.Count} 类重点人群。"));
        }

        loader.CheckAttachments();

        // Optional: without the file every spelling is a department of its own.
        var aliasesPath = Path.Combine(root, DepartmentAliasesFile);
        var aliases = File.Exists(aliasesPath)
            ? loader.LoadDepartmentAliases(File.ReadAllText(aliasesPath), Display(aliasesPath), keyGroups)
            : DepartmentAliases.None;
        if (problems.Count > 0)
        {
            throw new ContentException(problems);
        }

        return new ContentLibrary(loader.Policies, loader.RoleModels, loader.Announcements, keyGroups, aliases);
    }

    private static T? Find<T>(Dictionary<string, T> pages, string? slug)
        where T : class =>
        slug is not null && pages.TryGetValue(slug, out var page) ? page : null;

    private static List<Policy> OrderPolicies(IReadOnlyList<Policy> policies)
    {
        var ordered = new List<Policy>(policies.Count);
        foreach (var notice in policies.Where(p => p.ParentSlug is null).OrderByDescending(p => p.Date).ThenBy(p => p.Slug, StringComparer.Ordinal))
        {
            ordered.Add(notice);
            ordered.AddRange(policies
                .Where(p => string.Equals(p.ParentSlug, notice.Slug, StringComparison.Ordinal))
                .OrderBy(p => p.AttachmentNumber ?? int.MaxValue)
                .ThenBy(p => p.Slug, StringComparer.Ordinal));
        }

        return ordered;
    }

    private static void AppendLine(StringBuilder builder, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            builder.Append(text.Trim()).Append('\n');
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>Reads files into typed pages, collecting problems instead of stopping at the first.</summary>
    private sealed class Loader(List<ContentProblem> problems)
    {
        private readonly List<(Policy Policy, ContentRecord Record)> _policies = [];

        public IReadOnlyList<Policy> Policies => [.. _policies.Select(p => p.Policy)];

        public List<RoleModel> RoleModels { get; } = [];

        public List<Announcement> Announcements { get; } = [];

        public void LoadPage(string file, string display, string folder, string expectedType)
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            if (!IsValidSlug(slug))
            {
                problems.Add(new ContentProblem(display, 1,
                    $"文件名 “{Path.GetFileName(file)}” 不能用作网址：只能用小写英文字母、数字和 “-”（例如 task-division-notice-2019.md）。"));
            }

            if (folder == "policies" && ReservedPolicySlugs.Contains(slug))
            {
                problems.Add(new ContentProblem(display, 1, $"文件名 “{slug}” 已被网站占用（/policies/{slug}），请换一个。"));
            }

            string text;
            try
            {
                text = File.ReadAllText(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new ContentProblem(display, 1, "文件不是 UTF-8 编码，请另存为 UTF-8。"));
                return;
            }

            var document = FrontMatter.Parse(text, display, problems);
            if (document is null)
            {
                return;
            }

            var record = new ContentRecord(document.Fields, display, document.FirstYamlLine, problems);
            var type = record.RequiredText("type");
            if (type is null)
            {
                return;
            }

            if (Folders.All(f => f.Type != type))
            {
                problems.Add(new ContentProblem(display, record.LineOfKey("type"),
                    $"未知的类型 “{type}”：应为 policy、role-model 或 announcement。"));
                return;
            }

            if (type != expectedType)
            {
                problems.Add(new ContentProblem(display, record.LineOfKey("type"),
                    $"类型 “{type}” 与所在文件夹 {folder}/ 不符：此文件夹只放 “{expectedType}”。"));
                return;
            }

            var title = record.RequiredText("title");
            var date = record.RequiredDate("date");
            var summary = record.RequiredText("summary");
            var demo = record.OptionalBool("demo");
            var header = title is not null && date is not null && summary is not null
                ? new PageHeader(slug, title, date.Value, summary, demo, ContentMarkdown.ToSafeHtml(document.Body), ContentMarkdown.ToPlainText(document.Body), display)
                : null;

            switch (type)
            {
                case PolicyType:
                    var policy = ReadPolicy(record, header);
                    if (policy is not null)
                    {
                        _policies.Add((policy, record));
                    }

                    break;
                case RoleModelType:
                    if (ReadRoleModel(record, header) is { } roleModel)
                    {
                        RoleModels.Add(roleModel);
                    }

                    break;
                default:
                    if (ReadAnnouncement(record, header) is { } announcement)
                    {
                        Announcements.Add(announcement);
                    }

                    break;
            }

            record.ReportUnknownKeys();
        }

        public List<KeyOccupationalGroup> LoadKeyGroups(string yaml, string display)
        {
            var groups = new List<KeyOccupationalGroup>();
            var rootNode = FrontMatter.ParseRoot(yaml, display, 1, problems);
            if (rootNode is null)
            {
                if (problems.All(p => p.Path != display))
                {
                    problems.Add(new ContentProblem(display, 1, $"文件为空：应列出 {KeyOccupationalGroup.Count} 类重点人群。"));
                }

                return groups;
            }

            if (rootNode is not YamlSequenceNode sequence)
            {
                problems.Add(new ContentProblem(display, 1, "应为列表：每类人群一项，以 “- number: 1” 开头。"));
                return groups;
            }

            var seen = new HashSet<int>();
            foreach (var item in sequence.Children)
            {
                if (item is not YamlMappingNode mapping)
                {
                    problems.Add(new ContentProblem(display, (int)item.Start.Line, "每一项都应是 “键: 值” 的形式（number、name、lead、cooperating）。"));
                    continue;
                }

                var record = new ContentRecord(mapping, display, 1, problems);
                var number = record.RequiredInt("number", 1, KeyOccupationalGroup.Count);
                var name = record.RequiredText("name");
                var lead = record.TextList("lead", required: true, oneNamePerItem: true);
                var cooperating = record.TextList("cooperating", required: false, oneNamePerItem: true);
                record.ReportUnknownKeys();
                if (number is { } n && !seen.Add(n))
                {
                    record.Report($"序号 {n} 重复。");
                }

                if (number is not null && name is not null && lead.Count > 0)
                {
                    groups.Add(new KeyOccupationalGroup(number.Value, name, lead, cooperating));
                }
            }

            if (sequence.Children.Count != KeyOccupationalGroup.Count)
            {
                problems.Add(new ContentProblem(display, 1,
                    $"应正好列出 {KeyOccupationalGroup.Count} 类重点人群（附件3），实有 {sequence.Children.Count} 类。"));
            }

            return groups;
        }

        /// <summary>Reads department-aliases.yaml. Each variant must be a name some task or key group really uses:
        /// a misspelt variant would otherwise merge nothing, silently.</summary>
        public DepartmentAliases LoadDepartmentAliases(string yaml, string display, IReadOnlyList<KeyOccupationalGroup> keyGroups)
        {
            var problemsBefore = problems.Count;
            var aliases = DepartmentAliases.Parse(yaml, display, problems);
            if (problemsBefore > 0 || problems.Count > problemsBefore)
            {
                // With other files broken, names from them are missing and the check below would only add noise.
                return aliases;
            }

            var used = _policies.SelectMany(p => p.Policy.Tasks)
                .SelectMany(t => t.LeadDepartments.Concat(t.CooperatingDepartments))
                .Concat(keyGroups.SelectMany(g => g.LeadDepartments.Concat(g.CooperatingDepartments)))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (alias, line) in aliases.Lines.Where(a => !used.Contains(a.Alias)))
            {
                problems.Add(new ContentProblem(display, line,
                    $"别名 “{alias}” 没有出现在任何任务或重点人群中：须与文件中的写法完全一致（拼写有误？）。"));
            }

            return aliases;
        }

        /// <summary>Cross-file rules: an attachment's parent exists and is a notice; attachment numbers are unique.</summary>
        public void CheckAttachments()
        {
            var bySlug = _policies.ToDictionary(p => p.Policy.Slug, StringComparer.Ordinal);
            var numbers = new HashSet<(string, int)>();
            foreach (var (policy, record) in _policies)
            {
                if (policy.ParentSlug is { } parentSlug)
                {
                    if (!bySlug.TryGetValue(parentSlug, out var parent))
                    {
                        problems.Add(new ContentProblem(policy.SourcePath, record.LineOfKey("parent"),
                            $"“parent” 指向的文件 content/policies/{parentSlug}.md 不存在。"));
                    }
                    else if (parent.Policy.ParentSlug is not null)
                    {
                        problems.Add(new ContentProblem(policy.SourcePath, record.LineOfKey("parent"),
                            $"“parent” 应指向通知本身，而 “{parentSlug}” 本身也是附件。"));
                    }
                }

                if (policy.AttachmentNumber is { } number)
                {
                    if (policy.ParentSlug is null)
                    {
                        problems.Add(new ContentProblem(policy.SourcePath, record.LineOfKey("attachment_number"),
                            "有 “attachment_number” 的文件必须同时写明 “parent”（所属通知）。"));
                    }
                    else if (!numbers.Add((policy.ParentSlug, number)))
                    {
                        problems.Add(new ContentProblem(policy.SourcePath, record.LineOfKey("attachment_number"),
                            $"通知 “{policy.ParentSlug}” 已有附件 {number}。"));
                    }
                }
            }
        }

        private static Policy? ReadPolicy(ContentRecord record, PageHeader? header)
        {
            var issuer = record.RequiredText("issuer");
            var documentNumber = record.OptionalText("document_number");
            var parent = record.OptionalText("parent");
            if (parent is not null && !IsValidSlug(parent))
            {
                AddAt(record, "parent", $"“parent” 应为所属通知的文件名（不含 .md），实为 “{parent}”。");
            }

            var attachmentNumber = record.OptionalInt("attachment_number", 1, 99);
            var related = new List<RelatedDocument>();
            foreach (var item in record.RecordList("related_documents"))
            {
                var title = item.RequiredText("title");
                var number = item.OptionalText("number");
                item.ReportUnknownKeys();
                if (title is not null)
                {
                    related.Add(new RelatedDocument(title, number));
                }
            }

            var tasks = new List<PolicyTask>();
            foreach (var item in record.RecordList("tasks"))
            {
                var section = item.RequiredText("section");
                var number = item.RequiredText("number");
                var title = item.RequiredText("title");
                var lead = item.TextList("lead", required: true, oneNamePerItem: true);
                var cooperating = item.TextList("cooperating", required: false, oneNamePerItem: true);
                item.ReportUnknownKeys();
                if (section is not null && number is not null && title is not null && lead.Count > 0)
                {
                    tasks.Add(new PolicyTask(section, number, title, lead, cooperating));
                }
            }

            if (header is null || issuer is null)
            {
                return null;
            }

            return new Policy
            {
                Slug = header.Slug,
                Title = header.Title,
                Date = header.Date,
                Summary = header.Summary,
                IsDemo = header.IsDemo,
                BodyHtml = header.BodyHtml,
                BodyText = header.BodyText,
                SourcePath = header.SourcePath,
                Issuer = issuer,
                DocumentNumber = documentNumber,
                ParentSlug = parent,
                AttachmentNumber = attachmentNumber,
                RelatedDocuments = related,
                Tasks = tasks,
            };
        }

        private static RoleModel? ReadRoleModel(ContentRecord record, PageHeader? header)
        {
            var name = record.RequiredText("subject_name");
            var typeCode = record.RequiredText("subject_type");
            SubjectType? subjectType = null;
            if (typeCode is not null)
            {
                if (DomainText.TryParseSubjectType(typeCode, out var parsed))
                {
                    subjectType = parsed;
                }
                else
                {
                    AddAt(record, "subject_type", $"“subject_type” 应为 legal_person、natural_person 或 other_org，实为 “{typeCode}”。");
                }
            }

            UnifiedSocialCreditCode? uscc = null;
            var usccText = record.OptionalText("uscc");
            if (usccText is not null)
            {
                var result = UnifiedSocialCreditCode.Parse(usccText);
                if (result.IsValid)
                {
                    uscc = result.Value;
                }
                else
                {
                    AddAt(record, "uscc", $"“uscc” 不是有效的统一社会信用代码：{result.Message}");
                }

                if (subjectType == SubjectType.NaturalPerson)
                {
                    AddAt(record, "uscc", "自然人没有统一社会信用代码，请删去 “uscc”。");
                }
            }

            var category = record.RequiredText("category");
            var awardedBy = record.RequiredText("awarded_by");
            if (header is null || name is null || subjectType is null || category is null || awardedBy is null || (usccText is not null && uscc is null))
            {
                return null;
            }

            return new RoleModel
            {
                Slug = header.Slug,
                Title = header.Title,
                Date = header.Date,
                Summary = header.Summary,
                IsDemo = header.IsDemo,
                BodyHtml = header.BodyHtml,
                BodyText = header.BodyText,
                SourcePath = header.SourcePath,
                SubjectName = name,
                SubjectType = subjectType.Value,
                Uscc = uscc,
                Category = category,
                AwardedBy = awardedBy,
            };
        }

        private static Announcement? ReadAnnouncement(ContentRecord record, PageHeader? header)
        {
            var issuer = record.RequiredText("issuer");
            var kindCode = record.OptionalText("list_kind");
            ListKind? kind = null;
            if (kindCode is not null)
            {
                if (DomainText.TryParseListKind(kindCode, out var parsed))
                {
                    kind = parsed;
                }
                else
                {
                    AddAt(record, "list_kind", $"“list_kind” 应为 red 或 black，实为 “{kindCode}”。");
                }
            }

            var entryIds = record.TextList("entry_ids", required: false);
            if (header is null || issuer is null || (kindCode is not null && kind is null))
            {
                return null;
            }

            return new Announcement
            {
                Slug = header.Slug,
                Title = header.Title,
                Date = header.Date,
                Summary = header.Summary,
                IsDemo = header.IsDemo,
                BodyHtml = header.BodyHtml,
                BodyText = header.BodyText,
                SourcePath = header.SourcePath,
                Issuer = issuer,
                ListKind = kind,
                EntryIds = entryIds,
            };
        }

        /// <summary>The front matter every page shares, once it is known to be complete.</summary>
        private sealed record PageHeader(string Slug, string Title, DateOnly Date, string Summary, bool IsDemo,
            Microsoft.AspNetCore.Html.HtmlString BodyHtml, string BodyText, string SourcePath);

        private static void AddAt(ContentRecord record, string key, string message) =>
            record.Problems.Add(new ContentProblem(record.Path, record.LineOfKey(key), message));
    }
}
