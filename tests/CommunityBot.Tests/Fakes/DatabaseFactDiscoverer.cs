using Xunit.Abstractions;
using Xunit.Sdk;

namespace CommunityBot.Tests;

/// <summary>
/// Decides at discovery whether a PostgreSQL case can run: xunit 2 has no skip at run time, and a skip shown with its
/// reason is what a developer without PostgreSQL should see. In CI the same case is a failure, so CI never passes by
/// leaving PostgreSQL out.
/// </summary>
public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var onPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(OnPostgresAttribute)).Any();
        if (!onPostgres || PostgresServer.ConnectionString is not null)
        {
            return base.Discover(discoveryOptions, testMethod, factAttribute);
        }
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        return PostgresServer.InCi
            ? [new ExecutionErrorTestCase(DiagnosticMessageSink, display, displayOptions, testMethod, PostgresServer.RequiredInCi)]
            : [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, display, displayOptions, testMethod, PostgresServer.Missing)];
    }
}
