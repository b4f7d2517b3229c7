using System.Globalization;
using System.Text.RegularExpressions;
using CreditSite.Domain;

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
    public const string DataFolder = "data";

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

    /// <summary>The working-day calendar from <c>data/workdays-YYYY.yaml</c> (one file per year, from the State
    /// Council General Office's annual notice). Without files it is Monday to Friday and every answer approximate.</summary>
    public WorkdayCalendar Workdays { get; private init; } = WorkdayCalendar.WeekdaysOnly;

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

        // Optional: without workdays-YYYY.yaml every year falls back to Monday–Friday, marked approximate.
        var workdays = WorkdayCalendarFile.LoadAll(Path.Combine(root, DataFolder), Display, problems);
        if (problems.Count > 0)
        {
            throw new ContentException(problems);
        }

        return new ContentLibrary(loader.Policies, loader.RoleModels, loader.Announcements, keyGroups, aliases) { Workdays = workdays };
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

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z/-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumberShape();
}
