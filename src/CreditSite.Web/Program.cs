using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.Content;
using CreditSite.Web.Features.Errors;
using CreditSite.Web.Features.Health;
using CreditSite.Web.Features.Hosting;
using CreditSite.Web.Features.ListSync;
using CreditSite.Web.Features.Search;
using CreditSite.Web.Features.Security;

// Table of contents: each feature registers itself with one AddXxx() and maps itself with one MapXxx().
var builder = SiteHostBuilder.Create(args);

builder.AddSiteHosting();
builder.AddSecurityHeaders();
builder.AddContentPublishing();
builder.AddListStore();
builder.AddOneStopSearch();
builder.AddApiDocumentation();
builder.AddSiteHealth();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseErrorPages();
app.UseSiteHosting();
app.MapRazorPages();
app.MapSearchApi();
app.MapApiDocumentation();
app.MapSiteHealth();

app.Run();

/// <summary>Entry point, public so that <c>WebApplicationFactory&lt;Program&gt;</c> finds it.</summary>
public partial class Program;
