using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.Hosting;
using CreditSite.Web.Features.ListSync;
using CreditSite.Web.Features.Search;

// Table of contents: each feature registers itself with one AddXxx() and maps itself with one MapXxx().
var builder = SiteHostBuilder.Create(args);

builder.AddSiteHosting();
builder.AddListStore();
builder.AddOneStopSearch();
builder.AddApiDocumentation();

var app = builder.Build();

app.UseSiteHosting();
app.MapRazorPages();
app.MapSearchApi();
app.MapApiDocumentation();

app.Run();

/// <summary>Entry point, public so that <c>WebApplicationFactory&lt;Program&gt;</c> finds it.</summary>
public partial class Program;
