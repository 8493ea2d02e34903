namespace CommunityBot.Tests;

/// <summary>
/// The PostgreSQL server the tests may use: the connection string in <see cref="Variable"/>, to a role that may create
/// databases (.ci/postgres starts such a throwaway cluster). Without it the PostgreSQL cases are skipped, except in CI,
/// where PostgreSQL must never be silently left out.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "COMMUNITYBOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"{Variable} is not set: no PostgreSQL to run against (start one with: eval \"$(bash .ci/postgres start)\")";

    public static string RequiredInCi => $"{Missing}; CI=true, where PostgreSQL cases must run, not be skipped";

    public static string Required => ConnectionString ?? throw new InvalidOperationException(Missing);
}
