using System.Globalization;
using System.Text;

namespace CreditSite.Core.Tests.Content;

/// <summary>A throw-away <c>content/</c> folder: a small valid set (one notice with one attachment, one role model,
/// one announcement, 29 key groups) that a test can then add to or break.</summary>
public sealed class ContentFolder : IDisposable
{
    public const string Notice = """
        ---
        type: policy
        title: 关于印发市级部门落实市政府政务诚信建设等系列文件任务分工的通知
        date: 2019-04-16
        summary: 市信用办对四个市政府信用文件进行任务分工。
        issuer: 常州市社会信用体系建设领导小组办公室
        ---
        市有关部门和单位：请按任务分工落实。
        """;

    public const string Attachment = """
        ---
        type: policy
        title: 《市政府关于加强政务诚信建设的实施意见》任务分工
        date: 2019-04-16
        summary: 政务诚信建设的任务分工。
        issuer: 常州市社会信用体系建设领导小组办公室
        parent: notice
        attachment_number: 1
        related_documents:
          - { title: 国务院关于加强政务诚信建设的指导意见, number: 国发〔2016〕76号 }
        tasks:
          - section: 一、基本原则
            number: 2
            title: 政务公开
            lead: [市政府办公室]
            cooperating: [市有关部门]
          - section: 三、加强重点领域政务诚信建设
            number: 2
            title: 财政资金补助领域
            lead: [市财政局]
            cooperating: [市有关部门, 市市场监督管理局]
          - section: 四、电子商务
            number: 6
            title: 强化消费者权益保障措施
            lead: [市市场监督管理局]
            cooperating: [市商务局, 常州海关]
        ---
        ## 一、基本原则

        | 序号 | 任务 |
        | --- | --- |
        | 1 | 依法行政 |
        """;

    public const string RoleModel = """
        ---
        type: role-model
        title: 常州某精密机械有限公司：守合同重信用
        date: 2024-05-20
        summary: 连续多年守合同重信用。
        demo: true
        subject_name: 常州某精密机械有限公司
        subject_type: legal_person
        uscc: 91320402MA1MXXXX0Y
        category: 守合同重信用企业
        awarded_by: 市市场监督管理局
        ---
        示例正文。
        """;

    public const string Announcement = """
        ---
        type: announcement
        title: 2024年第一批信用红名单公示
        date: 2024-06-01
        summary: 公示第一批红名单。
        demo: true
        issuer: 市发改委（市信用办）
        list_kind: red
        entry_ids: [JS-2024-000001, JS-2024-000002]
        ---
        公示如下。
        """;

    public ContentFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "creditsite-content-" + Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Root);
        Write("policies/notice.md", Notice);
        Write("policies/attachment-1.md", Attachment);
        Write("role-models/precision-machinery.md", RoleModel.Replace("91320402MA1MXXXX0Y", ValidUscc, StringComparison.Ordinal));
        Write("announcements/red-list-2024-1.md", Announcement);
        Write("data/key-groups.yaml", KeyGroups(29));
    }

    /// <summary>A valid code in 天宁区 for fixtures.</summary>
    public static string ValidUscc => CreditSite.Identifiers.UnifiedSocialCreditCode.Complete("91320402MA1MXXXX").Value;

    public string Root { get; }

    public ContentFolder Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return this;
    }

    public ContentFolder Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public static string KeyGroups(int count)
    {
        var yaml = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"- number: {i}\n  name: 第{i}类人群\n  lead: [{(i == 3 ? "市市场监督管理局" : "市人社局")}]\n  cooperating: []\n");
        }

        return yaml.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it eventually.
        }
    }
}
