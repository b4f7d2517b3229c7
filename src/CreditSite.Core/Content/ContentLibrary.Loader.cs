using System.Text;
using CreditSite.Domain;
using CreditSite.Identifiers;
using YamlDotNet.RepresentationModel;

namespace CreditSite.Content;

// The loading and validation half of ContentLibrary: reading Markdown with YAML front matter and the data files into
// typed pages, collecting every problem with its file and line.
public sealed partial class ContentLibrary
{
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
            var indexNumber = record.OptionalText("index_number");
            if (indexNumber is not null && !IndexNumberShape().IsMatch(indexNumber))
            {
                AddAt(record, "index_number", $"“index_number” 应为索引号（字母、数字、“-”和“/”，不超过 50 个字符），实为 “{indexNumber}”。");
            }

            var topic = record.OptionalText("topic");
            var writtenOn = record.OptionalDate("written");
            var validity = record.OptionalText("validity");
            if (validity is not null && !Policy.Validities.Contains(validity, StringComparer.Ordinal))
            {
                AddAt(record, "validity", $"“validity” 应为 {string.Join("、", Policy.Validities)} 之一，实为 “{validity}”。");
            }

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
                Header = header,
                Issuer = issuer,
                DocumentNumber = documentNumber,
                IndexNumber = indexNumber,
                Topic = topic,
                WrittenOn = writtenOn,
                Validity = validity,
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
                Header = header,
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
                Header = header,
                Issuer = issuer,
                ListKind = kind,
                EntryIds = entryIds,
            };
        }

        private static void AddAt(ContentRecord record, string key, string message) =>
            record.Problems.Add(new ContentProblem(record.Path, record.LineOfKey(key), message));
    }
}
