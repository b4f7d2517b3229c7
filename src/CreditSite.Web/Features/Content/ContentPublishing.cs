using CreditSite.Content;
using CreditSite.Domain;
using CreditSite.Web.Site.Hosting;
using Microsoft.Extensions.Options;

namespace CreditSite.Web.Features.Content;

/// <summary><c>Content</c> section. <see cref="Path"/> overrides the top-level <c>content/</c> folder (tests point it
/// at a temporary folder; an operator could point it at a mounted volume).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    public string? Path { get; set; }
}

public static class ContentPublishing
{
    /// <summary>Policies, role models, announcements and key groups from <c>content/</c>, loaded and validated before
    /// the server accepts a request: a broken file stops start-up with its path and line.</summary>
    public static WebApplicationBuilder AddContentPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));
        builder.Services.AddSingleton(sp => ContentLibrary.Load(ContentPath(sp)));
        // 公共信用信息目录: record kinds, fields, penalty types and publication rules, validated like the content.
        builder.Services.AddSingleton(sp => CatalogueFile.Load(ContentPath(sp)));
        builder.Services.AddHostedService<ContentLibraryLoader>();
        builder.Services.Configure<RouteOptions>(options => options.SetParameterPolicy<SlugRouteConstraint>("slug"));
        return builder;
    }

    private static string ContentPath(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path;
        return string.IsNullOrWhiteSpace(configured) ? sp.SiteOptions().ContentPath : System.IO.Path.GetFullPath(configured);
    }
}

/// <summary>Loads the library while the host is starting, before any hosted service (the web server included)
/// starts: the site is either fully published or not running.</summary>
internal sealed class ContentLibraryLoader(IServiceProvider services, ILogger<ContentLibraryLoader> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var library = services.GetRequiredService<ContentLibrary>();
            var catalogue = services.GetRequiredService<CreditSite.Domain.CreditCatalogue>();
            logger.LogInformation("已发布内容：政策法规 {Policies} 篇，诚信典型 {RoleModels} 篇，公示公告 {Announcements} 篇，重点人群 {KeyGroups} 类。",
                library.Policies.Count, library.RoleModels.Count, library.Announcements.Count, library.KeyGroups.Count);
            logger.LogInformation("公共信用信息目录：领域 {Fields} 个，处罚类别 {PenaltyTypes} 个。", catalogue.Fields.Count, catalogue.PenaltyTypes.Count);
            var today = CreditCalendar.Today(services.GetService<TimeProvider>() ?? TimeProvider.System);
            if (library.Workdays.IsApproximate(today))
            {
                // Not fatal: deadlines are then counted Monday to Friday and shown as approximate.
                logger.LogWarning("工作日历尚未收录 {Year} 年的国务院办公厅放假安排通知（content/data/ 中该年的 workdays 文件缺失或仍为暂定），该年的工作日只能估算：请按 docs/working-days.md 补上。",
                    today.Year);
            }
        }
        catch (ContentException ex)
        {
            logger.LogCritical("{Message}", ex.Message);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary><c>{slug:slug}</c>: a malformed slug matches no page, so it answers 404 rather than reaching a handler.</summary>
public sealed class SlugRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value) && ContentLibrary.IsValidSlug(value as string);
    }
}
