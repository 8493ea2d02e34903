using System.Globalization;
using CommunityBot.Clients.Discord;
using CommunityBot.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Discord;

/// <summary>
/// Discord counts its global REST limit per token and its invalid requests per IP address, which the instances of one
/// host or behind one NAT share; every instance keeps to an equal share of both, <c>Cluster:Size</c> shares in all
/// (for instances on addresses of their own the invalid-request share is only more careful than it need be). Counting in the database instead would put a
/// round trip before every request and a row every instance updates fifty times a second; a fixed share costs only
/// what one instance leaves unused while another is busy, and the outbox, which every instance drains, keeps them
/// about equally busy.
/// </summary>
public sealed partial class DiscordLimitShare(IOptions<ClusterOptions> cluster, ILogger<DiscordLimitShare> logger) : IPostConfigureOptions<DiscordRestOptions>
{
    public void PostConfigure(string? name, DiscordRestOptions options)
    {
        var instances = cluster.Value.Size;
        Apply(options, instances);
        if (instances > 1)
        {
            LogShare(cluster.Value.InstanceId, instances, options.GlobalRequestsPerSecond, options.InvalidRequestSlowdownThreshold, options.InvalidRequestRefuseThreshold);
        }
    }

    /// <summary>Divides the token's limits in <paramref name="rest"/> by <paramref name="instances"/>.</summary>
    /// <exception cref="OptionsValidationException">A share would be less than one request.</exception>
    public static void Apply(DiscordRestOptions rest, int instances)
    {
        // An invalid value of either key is reported by its own section's check.
        if (instances <= 1 || rest.GlobalRequestsPerSecond < 1 || rest.InvalidRequestSlowdownThreshold >= rest.InvalidRequestRefuseThreshold)
        {
            return;
        }
        var perSecond = rest.GlobalRequestsPerSecond / instances;
        var slowdown = rest.InvalidRequestSlowdownThreshold / instances;
        var refuse = rest.InvalidRequestRefuseThreshold / instances;
        if (perSecond < 1 || slowdown >= refuse)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DiscordRestOptions),
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"Cluster:Size: '{instances}' leaves each instance less than one of Discord:GlobalRequestsPerSecond ({rest.GlobalRequestsPerSecond}) or of the invalid-request thresholds ({rest.InvalidRequestSlowdownThreshold}, {rest.InvalidRequestRefuseThreshold}); expected at most {Math.Min(rest.GlobalRequestsPerSecond, rest.InvalidRequestRefuseThreshold - rest.InvalidRequestSlowdownThreshold)} instances"),
            ]);
        }
        rest.GlobalRequestsPerSecond = perSecond;
        rest.InvalidRequestSlowdownThreshold = slowdown;
        rest.InvalidRequestRefuseThreshold = refuse;
    }

    [LoggerMessage(EventId = 4513, EventName = "DiscordLimitShare", Level = LogLevel.Information, Message = "This instance ({Instance}) keeps to its share of the token's Discord limits, one of {Instances}: {RequestsPerSecond} requests a second, slowing down at {SlowdownThreshold} and refusing at {RefuseThreshold} invalid requests in 10 minutes")]
    private partial void LogShare(string instance, int instances, int requestsPerSecond, int slowdownThreshold, int refuseThreshold);
}
