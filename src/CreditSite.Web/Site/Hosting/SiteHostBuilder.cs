using CreditSite.Hosting;

namespace CreditSite.Web.Site.Hosting;

public static class SiteHostBuilder
{
    /// <summary>Creates the builder with the top-level <c>wwwroot/</c> as web root. It must be set here:
    /// <c>UseWebRoot</c> after <c>CreateBuilder</c> is not supported.</summary>
    public static WebApplicationBuilder Create(string[] args)
    {
        var root = SiteRoot.Find(Environment.GetEnvironmentVariable("Site__RootPath"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = Path.Combine(root, "wwwroot"),
        });
        builder.Configuration["Site:RootPath"] = root;
        return builder;
    }
}
