using System.Globalization;
using CommunityBot.Clients.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace CommunityBot.Discord;

/// <summary>
/// Discord:ShardIds as an operator writes it in one value (<c>Discord__ShardIds=1</c>, <c>0,1</c>). The binder reads a
/// list only from indexed keys (<c>Discord__ShardIds__0=1</c>) and passes over a plain value without a word, which
/// would leave this instance running every shard.
/// </summary>
public static class ShardIdList
{
    public const string Key = "Discord:ShardIds";

    /// <exception cref="OptionsValidationException">The value is not a list of shard ids.</exception>
    public static void Apply(DiscordGatewayOptions gateway, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var ids = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(DiscordGatewayOptions),
                    [$"{Key}: '{value}' is not a list of shard ids; expected one shard id or several separated by commas, e.g. 0 or 0,1"]);
            }
            ids.Add(id);
        }
        gateway.ShardIds = ids;
    }
}
