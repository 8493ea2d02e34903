namespace CommunityBot.Tests;

/// <summary>
/// Marks a test class whose <see cref="DatabaseFactAttribute"/> tests run against PostgreSQL: they are skipped with the
/// reason when no server is configured, and fail in CI instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnPostgresAttribute : Attribute;
