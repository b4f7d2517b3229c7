using System.Text;
using System.Text.Json;
using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Hosting;
using CreditSite.Identifiers;
using CreditSite.Import;
using CreditSite.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Core.Tests.Import;

/// <summary>Builds import files for tests: rows as column → value maps, written as real CSV or JSON Lines files in a
/// temporary folder that is removed afterwards.</summary>
public sealed class ImportFiles : IDisposable
{
    public const string HashKey = "test-only-id-hash-key-0123456789";

    /// <summary>2025-06-30 noon in Changzhou.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 30, 12, 0, 0, TimeSpan.FromHours(8));

    public static readonly string Uscc = UnifiedSocialCreditCode.Complete("91320402MA1MRH4B").Value;
    public static readonly string OtherUscc = UnifiedSocialCreditCode.Complete("91320412MA20K7QD").Value;
    public static readonly string IdNumber = ResidentIdNumber.Complete("32040219800101001").Value;
    public static readonly string OtherIdNumber = ResidentIdNumber.Complete("32041119921231053").Value;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "creditsite-import-" + Guid.NewGuid().ToString("N"));

    public ImportFiles() => Directory.CreateDirectory(Folder);

    public static FakeTimeProvider Clock() => new(Now);

    public static ResidentIdHasher Hasher() => new(HashKey);

    private static readonly Lazy<CreditCatalogue> LoadedCatalogue = new(() => CatalogueFile.Load(Path.Combine(SiteRoot.Find(), "content")));

    /// <summary>The catalogue the site ships (<c>content/data/catalogue.yaml</c>).</summary>
    public static CreditCatalogue Catalogue() => LoadedCatalogue.Value;

    /// <summary>An importer whose store is a SQLite file in <see cref="Folder"/> (created only when written to).</summary>
    public ListImporter Importer(CreditStore? store = null) =>
        new(new ListStore(store ?? new CreditStore(Hosting.StoreProvider.Sqlite, $"Data Source={Path.Combine(Folder, "unused.db")}")), Hasher(), Catalogue(), Clock());

    public static Dictionary<string, string> Organisation(string entryId = "JS-2025-0001") => new()
    {
        ["entry_id"] = entryId,
        ["list_kind"] = "black",
        ["subject_type"] = "legal_person",
        ["subject_name"] = "常州天宁恒达食品有限公司",
        ["uscc"] = Uscc,
        ["id_number"] = "",
        ["field"] = "食品药品",
        ["issuing_department"] = "市市场监督管理局",
        ["decision_number"] = "常市监罚〔2025〕123号",
        ["decision_date"] = "2025-03-01",
        ["public_until"] = "2026-03-01",
        ["severity"] = "general",
        ["legal_basis"] = "《中华人民共和国食品安全法》第一百二十四条",
        ["summary"] = "经营超过保质期的食品。",
        ["status"] = "active",
    };

    public static Dictionary<string, string> Person(string entryId = "JS-2025-0002") => new()
    {
        ["entry_id"] = entryId,
        ["list_kind"] = "black",
        ["subject_type"] = "natural_person",
        ["subject_name"] = "王伟",
        ["uscc"] = "",
        ["id_number"] = IdNumber,
        ["field"] = "司法执行",
        ["issuing_department"] = "市中级人民法院",
        ["decision_number"] = "（2025）苏04执88号",
        ["decision_date"] = "2025-02-10",
        ["public_until"] = "2028-02-10",
        ["severity"] = "serious",
        ["legal_basis"] = "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条",
        ["summary"] = "有履行能力而拒不履行生效法律文书确定的义务。",
        ["status"] = "active",
    };

    public static Dictionary<string, string> Honour(string entryId = "JS-2025-0003") => new()
    {
        ["entry_id"] = entryId,
        ["list_kind"] = "red",
        ["subject_type"] = "legal_person",
        ["subject_name"] = "常州武进瑞丰机械制造有限公司",
        ["uscc"] = OtherUscc,
        ["id_number"] = "",
        ["field"] = "诚信典型",
        ["issuing_department"] = "市发改委（市信用办）",
        ["decision_number"] = "常信用办〔2025〕12号",
        ["decision_date"] = "2025-01-15",
        ["public_until"] = "2028-01-15",
        ["severity"] = "",
        ["legal_basis"] = "《江苏省社会信用条例》第二十七条",
        ["summary"] = "入选常州市诚信示范企业。",
        ["status"] = "active",
    };

    public static Dictionary<string, string> With(Dictionary<string, string> row, string column, string value)
    {
        var copy = new Dictionary<string, string>(row) { [column] = value };
        return copy;
    }

    /// <summary>A CSV file with the standard header and these rows, quoted where needed.</summary>
    public string Csv(params Dictionary<string, string>[] rows) => Csv(ListImportColumns.All, rows);

    public string Csv(IReadOnlyList<string> header, params Dictionary<string, string>[] rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', header.Select(c => Quote(row.GetValueOrDefault(c, ""))))).Append('\n');
        }

        return Write("entries.csv", text.ToString());
    }

    public string JsonLines(params Dictionary<string, string>[] rows) =>
        Write("entries.jsonl", string.Concat(rows.Select(r => JsonSerializer.Serialize(r) + "\n")));

    public string Write(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N")[..8] + "-" + name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still open in a pool; the OS cleans the temp folder.
        }
    }
}
