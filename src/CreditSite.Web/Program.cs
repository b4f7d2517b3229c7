using CreditSite.Web.Features.Hosting;

// Table of contents: each feature registers itself with one AddXxx() and maps itself with one MapXxx().
var builder = SiteHostBuilder.Create(args);

builder.AddSiteHosting();

var app = builder.Build();

app.UseSiteHosting();
app.MapRazorPages();

app.Run();

/// <summary>Entry point, public so that <c>WebApplicationFactory&lt;Program&gt;</c> finds it.</summary>
public partial class Program;
