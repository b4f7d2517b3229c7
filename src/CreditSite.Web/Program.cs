using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.Content;
using CreditSite.Web.Features.Embeds;
using CreditSite.Web.Features.Errors;
using CreditSite.Web.Features.Feeds;
using CreditSite.Web.Features.Health;
using CreditSite.Web.Features.Hosting;
using CreditSite.Web.Features.ListSync;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Features.PlatformApi;
using CreditSite.Web.Features.RateLimits;
using CreditSite.Web.Features.Reports;
using CreditSite.Web.Features.Search;
using CreditSite.Web.Features.Security;
using CreditSite.Web.Features.SignIn;

// Table of contents: each feature registers itself with one AddXxx() and maps itself with one MapXxx().
var builder = SiteHostBuilder.Create(args);

builder.AddSiteHosting();
builder.AddSecurityHeaders();
builder.AddContentPublishing();
builder.AddListStore();
builder.AddOneStopSearch();
builder.AddApiDocumentation();
builder.AddEmbeds();
builder.AddPlatformApi();
builder.AddSiteRateLimits();
builder.AddSiteHealth();
builder.AddSignIn();
builder.AddLocalIdentityProvider();
builder.AddCreditReports();

var app = builder.Build();

app.UseClientAddress();
app.UseSecurityHeaders();
app.UseErrorPages();
app.UseSiteHosting();
app.UseSignIn();
app.UsePlatformApi();
app.UseSiteRateLimits();
app.MapRazorPages();
app.MapSearchApi();
app.MapApiDocumentation();
app.MapEmbeds();
app.MapStatusApi();
app.MapFeeds();
app.MapSiteHealth();

app.Run();

/// <summary>Entry point, public so that <c>WebApplicationFactory&lt;Program&gt;</c> finds it.</summary>
public partial class Program;
