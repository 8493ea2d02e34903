using Xunit.Sdk;

namespace CommunityBot.Tests;

/// <summary>
/// A fact that runs on the database its class is for: SQLite always; PostgreSQL (a class marked
/// <see cref="OnPostgresAttribute"/>) when <see cref="PostgresServer.Variable"/> names a server.
/// </summary>
[XunitTestCaseDiscoverer("CommunityBot.Tests.DatabaseFactDiscoverer", "CommunityBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;
