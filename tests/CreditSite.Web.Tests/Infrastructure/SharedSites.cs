using CreditSite.Web.Tests.Platforms;

namespace CreditSite.Web.Tests.Infrastructure;

/// <summary>Sites shared by every test class of a collection: the configuration is the same and the tests only read
/// (no clock is moved, nothing is imported after start), so one start serves them all. xUnit runs the classes of one
/// collection one after another; a class that changes its site's state uses a class fixture or a site of its own.</summary>
public static class SharedSites
{
    public const string Plain = "the plain site (content only)";

    public const string SeededPlatform = "the seeded platform site";
}

[CollectionDefinition(SharedSites.Plain)]
public sealed class PlainSiteShared : ICollectionFixture<SiteFactory>;

[CollectionDefinition(SharedSites.SeededPlatform)]
public sealed class SeededPlatformSiteShared : ICollectionFixture<SeededPlatformSite>;
