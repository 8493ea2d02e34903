using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Clients.Discord.Gateway;

public sealed class DiscordGatewayOptions
{
    [Required]
    public string Token { get; set; } = "";

    /// <summary>Gateway intents; 0 by default because INTERACTION_CREATE is sent whatever the intents.</summary>
    [Range(0, int.MaxValue)]
    public int Intents { get; set; }

    /// <summary>The shards this process runs; all of <see cref="ShardCount"/> when unset.</summary>
    public IReadOnlyList<int>? ShardIds { get; set; }

    /// <summary>Total shards across all processes; Discord's recommendation from <c>/gateway/bot</c> when unset.</summary>
    [Range(1, 100_000)]
    public int? ShardCount { get; set; }

    /// <summary>Dispatches buffered for a slow consumer before the receive loop waits.</summary>
    [Range(1, 1_000_000)]
    public int DispatchCapacity { get; set; } = 10_000;
}
