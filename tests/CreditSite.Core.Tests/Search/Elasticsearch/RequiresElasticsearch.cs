using CreditSite.Core.Tests.Search.Elasticsearch;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("CreditSite.Core.Tests.Search.Elasticsearch." + nameof(ClusterAwareTestFramework), "CreditSite.Core.Tests")]

namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>Marks a test class that needs a real Elasticsearch cluster. No cluster can be installed on the build
/// machines, so without <c>CREDITSITE_TEST_ELASTICSEARCH_URL</c> every test of the class — inherited ones included, which
/// a derived <c>[Fact]</c> could not reach — is reported as skipped with the reason, rather than silently absent.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresElasticsearchAttribute : Attribute
{
    public const string Variable = "CREDITSITE_TEST_ELASTICSEARCH_URL";

    public const string SkipReason =
        "Runs only when CREDITSITE_TEST_ELASTICSEARCH_URL points at an Elasticsearch cluster (see docs/elasticsearch.md).";

    public static string? Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;
}

/// <summary>xUnit's own framework, except that tests of a <see cref="RequiresElasticsearchAttribute"/> class are
/// discovered as skipped when no cluster is configured. Every other test is discovered exactly as usual.</summary>
public sealed class ClusterAwareTestFramework(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new ClusterAwareDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class ClusterAwareDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var needsCluster = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresElasticsearchAttribute)).Any();
            if (!needsCluster || RequiresElasticsearchAttribute.Url is not null)
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return true;
            }

            var skipped = new SkippedWithoutClusterTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test (a theory as one case) reported as skipped because no cluster is configured.</summary>
public sealed class SkippedWithoutClusterTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedWithoutClusterTestCase()
    {
    }

    public SkippedWithoutClusterTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => RequiresElasticsearchAttribute.SkipReason;
}
