using System.Diagnostics.Metrics;

namespace CommunityBot.Clients.Telemetry;

/// <summary>
/// The protocol-level instruments of the bot's <c>CommunityBot</c> meter. Static, like the runtime's own meters:
/// an instrument nobody listens to costs one branch, and the clients need no container to count.
/// </summary>
public static class ClientMetrics
{
    public const string MeterName = "CommunityBot";

    private static readonly Meter _meter = new(MeterName);

    private static readonly Counter<long> _rateLimitWaits = _meter.CreateCounter<long>(
        "communitybot.rate_limit.waits", "{wait}", "Requests held back by a rate limit before they were sent");

    private static readonly Counter<long> _gatewayReconnects = _meter.CreateCounter<long>(
        "communitybot.gateway.reconnects", "{reconnect}", "Discord gateway connections opened again after one ended");

    private static readonly Counter<long> _gatewayResumes = _meter.CreateCounter<long>(
        "communitybot.gateway.resumes", "{resume}", "Discord gateway sessions resumed (RESUMED received)");

    public static void RateLimitWait(string api) => _rateLimitWaits.Add(1, new KeyValuePair<string, object?>("api", api));

    public static void GatewayReconnect(int shardId) => _gatewayReconnects.Add(1, new KeyValuePair<string, object?>("shard", shardId));

    public static void GatewayResume(int shardId) => _gatewayResumes.Add(1, new KeyValuePair<string, object?>("shard", shardId));
}
