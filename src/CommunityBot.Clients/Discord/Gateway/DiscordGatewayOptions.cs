using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// How <see cref="ShardedGatewayClient"/> connects. Each validation message names the property it is about; an
/// application that binds these from configuration can put its section in front.
/// </summary>
public sealed class DiscordGatewayOptions : IValidatableObject
{
    /// <summary>The bot token.</summary>
    public string Token { get; set; } = "";

    /// <summary>Gateway intents; none by default because INTERACTION_CREATE is sent whatever the intents.</summary>
    public GatewayIntents Intents { get; set; }

    /// <summary>The shards this process runs; all of <see cref="ShardCount"/> when unset.</summary>
    public IReadOnlyList<int>? ShardIds { get; set; }

    /// <summary>Total shards across all processes; Discord's recommendation from <c>/gateway/bot</c> when unset.</summary>
    public int? ShardCount { get; set; }

    /// <summary>Dispatches buffered for a slow consumer before the receive loop waits.</summary>
    public int DispatchCapacity { get; set; } = 10_000;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Intents < 0)
        {
            yield return Problem("Intents", Intents, "is not a set of intents; expected gateway intents such as None or Guilds");
        }
        if (ShardCount is < 1 or > 100_000)
        {
            yield return Problem("ShardCount", ShardCount, "is out of range; expected between 1 and 100000, or unset for Discord's recommendation");
        }
        if (ShardIds is { Count: > 0 } ids)
        {
            // A process that runs some shards must know how many there are in all, or two processes could disagree.
            if (ShardCount is null)
            {
                yield return new ValidationResult("ShardIds is set but ShardCount is not; expected the total number of shards across all processes with it, e.g. 4");
            }
            else if (ids.Any(id => id < 0 || id >= ShardCount))
            {
                yield return Problem("ShardIds", string.Join(",", ids), string.Create(CultureInfo.InvariantCulture, $"has a shard outside 0..{ShardCount - 1}; expected shard ids below ShardCount ({ShardCount})"));
            }
            if (ids.Distinct().Count() != ids.Count)
            {
                yield return Problem("ShardIds", string.Join(",", ids), "names a shard twice; expected each shard once");
            }
        }
        if (DispatchCapacity is < 1 or > 1_000_000)
        {
            yield return Problem("DispatchCapacity", DispatchCapacity, "is out of range; expected between 1 and 1000000, e.g. 10000");
        }
    }

    private static ValidationResult Problem(string key, object? value, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' {expected}"));
}
