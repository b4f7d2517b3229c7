using CreditSite.Web.Features.ApiDocs;
using CreditSite.Web.Features.Content;
using CreditSite.Web.Features.CreditRepair;
using CreditSite.Web.Features.Embeds;
using CreditSite.Web.Site.Errors;
using CreditSite.Web.Features.Feeds;
using CreditSite.Web.Site.Health;
using CreditSite.Web.Site.Hosting;
using CreditSite.Web.Site.ListSync;
using CreditSite.Web.Features.LocalIdentityProvider;
using CreditSite.Web.Features.PlatformApi;
using CreditSite.Web.Features.Records;
using CreditSite.Web.Site.RateLimits;
using CreditSite.Web.Features.Reports;
using CreditSite.Web.Features.Search;
using CreditSite.Web.Site.Security;
using CreditSite.Web.Features.SignIn;

// Table of contents: each feature registers itself with one AddXxx() and maps itself with one MapXxx().
var builder = SiteHostBuilder.Create(args);

// Shared site services first (settings, store, hasher, clock, public address); every feature below relies on them.
builder.AddSiteCore();
builder.AddSiteHosting();
builder.AddErrorPages();
builder.AddSecurityHeaders();
builder.AddContentPublishing();
builder.AddListStore();
builder.AddOneStopSearch();
builder.AddPublicRecords();
builder.AddApiDocumentation();
builder.AddEmbeds();
builder.AddPlatformApi();
builder.AddSiteRateLimits();
builder.AddSiteHealth();
builder.AddSignIn();
builder.AddLocalIdentityProvider();
builder.AddCreditReports();
builder.AddCreditRepair();

var app = builder.Build();

// Order matters here:
// - the client address first, so every later step (limits, logs) sees the real one;
// - security headers before anything can answer, error pages before what can fail (they re-execute /error/{code},
//   which is how a 429 from the limiter gets the site's own page);
// - static files and routing (UseSiteHosting) before sign-in, so assets skip authentication;
// - the platform API key is read before the limiter, which partitions API calls by key;
// - the limiter last, after authorization: a challenge redirect is not counted, a signed-in guess is.
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
app.MapRecordChangesApi();
app.MapFeeds();
app.MapCreditRepair();
app.MapSiteHealth();

app.Run();

/// <summary>Entry point, public so that <c>WebApplicationFactory&lt;Program&gt;</c> finds it.</summary>
public partial class Program;
