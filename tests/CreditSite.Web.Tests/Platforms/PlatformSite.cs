using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Search;
using CreditSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CreditSite.Web.Tests.Platforms;

/// <summary>The real site (real engine on a temporary index) with a fake clock standing at 10:00 on 2025-06-01 in
/// Changzhou, an allowed embedding origin, and settings a test class can add to.</summary>
public class PlatformSite : SiteFactory
{
    public const string PublicBaseUrl = "https://credit.example.cn";
    public const string AllowedOrigin = "https://shop.example.com";

    public static readonly DateOnly Today = new(2025, 6, 1);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Configuration on top of appsettings.Testing.json.</summary>
    protected virtual IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var settings = new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = PublicBaseUrl,
            ["Embedding:AllowedOrigins:0"] = AllowedOrigin,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public Task AddAsync(params SearchDocument[] documents) =>
        Services.GetRequiredService<ISearchEngine>().UpsertAsync(documents);

    /// <summary>A valid code whose organisation part is made from <paramref name="seed"/> (8 characters).</summary>
    public static string Code(string seed) => UnifiedSocialCreditCode.Complete("91320402" + seed).Value;

    public static SearchDocument Entry(
        string entryId, string uscc, string name, ListKind kind, DateOnly decided, DateOnly publicUntil,
        string field = "食品药品", Severity? severity = null, EntryStatus status = EntryStatus.Active) => new()
    {
        Id = "entry:" + entryId,
        Type = DocumentType.ListEntry,
        Title = name,
        Body = $"{name}因{field}领域违法失信行为被列入名单。",
        Url = "/subjects/" + uscc,
        Date = decided,
        EntryId = entryId,
        ListKind = kind,
        SubjectType = SubjectType.LegalPerson,
        SubjectName = name,
        SubjectKey = uscc,
        Uscc = uscc,
        Field = field,
        IssuingDepartment = "市市场监督管理局",
        DecisionNumber = $"常市监罚〔{decided.Year}〕{entryId}号",
        PublicUntil = publicUntil,
        Severity = kind == ListKind.Black ? severity ?? Domain.Severity.General : null,
        Status = status,
        LegalBasis = "《中华人民共和国食品安全法》",
    };

    public static SearchDocument RoleModel(string slug, string title, DateOnly published, string? uscc = null) => new()
    {
        Id = "role-model:" + slug,
        Type = DocumentType.RoleModel,
        Title = title,
        Body = title + "，诚实守信，服务群众。",
        Url = "/role-models/" + slug,
        Date = published,
        Uscc = uscc,
        SubjectKey = uscc,
        SubjectName = uscc is null ? null : title,
        Category = "守合同重信用企业",
    };

    public static SearchDocument Announcement(string slug, string title, DateOnly published) => new()
    {
        Id = "announcement:" + slug,
        Type = DocumentType.Announcement,
        Title = title,
        Body = title + "。现予以公示。",
        Url = "/announcements/" + slug,
        Date = published,
    };
}
