namespace CommunityBot.Clients.Discord.Gateway;

internal static class GatewayBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Endless reconnect delays: a ceiling doubling from <paramref name="first"/> up to <paramref name="cap"/>, of which
    /// half is fixed and half random, so a failing server is never hammered and shards do not reconnect in lockstep.
    /// </summary>
    public static IEnumerable<TimeSpan> Delays(Func<double> random, TimeSpan first, TimeSpan cap)
    {
        var ceiling = first;
        while (true)
        {
            yield return (ceiling / 2) + (ceiling / 2 * random());
            ceiling = ceiling * 2 > cap ? cap : ceiling * 2;
        }
    }
}
