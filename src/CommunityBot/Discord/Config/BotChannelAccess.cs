using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;

namespace CommunityBot.Discord.Config;

/// <summary>
/// Whether the bot itself can post in a channel, worked out from Discord's current roles and overwrites, so a
/// moderator hears about a missing permission now rather than from a failed post at 09:00.
/// </summary>
public sealed class BotChannelAccess(DiscordRestClient rest)
{
    private ulong? _botUserId;

    /// <summary>The channel and the bot's permissions there, or why the bot cannot post in it, naming any missing permission.</summary>
    public async Task<ChannelCheck> CheckAsync(ulong guildId, ulong channelId, ulong required,
        CancellationToken cancellationToken)
    {
        JsonChannel channel;
        try
        {
            channel = await rest.GetChannelAsync(channelId, cancellationToken);
        }
        catch (DiscordRestException exception) when (exception.Code == DiscordErrorCodes.MissingAccess)
        {
            return new ChannelCheck(null, 0, $"I cannot see <#{channelId}>: I am missing **View Channel** there. Allow it for the bot in the channel's permissions and try again.");
        }
        if (channel.GuildId != guildId || channel.Type is not (ChannelTypes.Text or ChannelTypes.Announcement))
        {
            return new ChannelCheck(null, 0, $"<#{channelId}> is not a text or announcement channel of this server.");
        }
        var botId = _botUserId ??= (await rest.GetCurrentUserAsync(cancellationToken)).Id;
        var guild = await rest.GetGuildAsync(guildId, cancellationToken);
        var roles = guild.Roles ?? await rest.GetGuildRolesAsync(guildId, cancellationToken);
        var member = await rest.GetGuildMemberAsync(guildId, botId, cancellationToken);
        var basePermissions = DiscordPermissions.Base(guildId, guild.OwnerId == botId, roles, member.Roles);
        var permissions = DiscordPermissions.InChannel(basePermissions, guildId, botId, member.Roles, channel.PermissionOverwrites ?? []);
        var missing = DiscordPermissions.Missing(permissions, required);
        return new ChannelCheck(channel, permissions, missing.Count == 0 ? null : $"I cannot post in <#{channelId}>: I am missing {string.Join(", ", missing.Select(m => $"**{m}**"))} there. "
                + "Allow it for the bot (or one of its roles) in the channel's permissions and try again.");
    }
}
