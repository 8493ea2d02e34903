using System.Globalization;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Discord.Config;

/// <summary>
/// Discord's permission bits and the documented way to compute a member's permissions in a channel
/// (discord-api-docs, "Permissions" topic, "Permission Overwrites"): @everyone and the member's roles, ADMINISTRATOR
/// grants everything, then the channel's @everyone overwrite, the member's role overwrites combined, the member's own.
/// </summary>
public static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong MentionEveryone = 1UL << 17;
    public const ulong CreatePublicThreads = 1UL << 35;
    public const ulong SendMessagesInThreads = 1UL << 38;
    public const ulong All = ulong.MaxValue;

    /// <summary>What the bot needs in a channel to post an epigraph or an announcement.</summary>
    public const ulong ToPost = ViewChannel | SendMessages | EmbedLinks;

    /// <summary>What the bot needs besides, to open a discussion thread under each announcement and post in it.</summary>
    public const ulong ToOpenThreads = CreatePublicThreads | SendMessagesInThreads;

    private static readonly (ulong Bit, string Name)[] _names =
    [
        (Administrator, "Administrator"),
        (ManageGuild, "Manage Server"),
        (ViewChannel, "View Channel"),
        (SendMessages, "Send Messages"),
        (EmbedLinks, "Embed Links"),
        (MentionEveryone, "Mention @everyone, @here, and All Roles"),
        (CreatePublicThreads, "Create Public Threads"),
        (SendMessagesInThreads, "Send Messages in Threads"),
    ];

    /// <summary>Discord sends bitfields as decimal strings; anything unreadable grants nothing.</summary>
    public static ulong Parse(string? bits) =>
        ulong.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static bool CanManageGuild(ulong permissions) => (permissions & (ManageGuild | Administrator)) != 0;

    /// <summary>The guild-wide permissions of a member with <paramref name="memberRoles"/>.</summary>
    public static ulong Base(ulong guildId, bool isOwner, IReadOnlyList<JsonRole> guildRoles, IReadOnlyList<ulong> memberRoles)
    {
        if (isOwner)
        {
            return All;
        }
        // The @everyone role has the guild's id.
        var permissions = guildRoles.Where(r => r.Id == guildId || memberRoles.Contains(r.Id))
            .Aggregate(0UL, (bits, role) => bits | Parse(role.Permissions));
        return (permissions & Administrator) != 0 ? All : permissions;
    }

    /// <summary>The member's permissions in a channel, from its guild-wide ones and the channel's overwrites.</summary>
    public static ulong InChannel(ulong basePermissions, ulong guildId, ulong memberId, IReadOnlyList<ulong> memberRoles,
        IReadOnlyList<JsonPermissionOverwrite> overwrites)
    {
        if ((basePermissions & Administrator) != 0)
        {
            return All;
        }
        var permissions = basePermissions;
        if (overwrites.FirstOrDefault(o => o.Id == guildId) is { } everyone)
        {
            permissions = Apply(permissions, Parse(everyone.Allow), Parse(everyone.Deny));
        }
        // Role overwrites act together: an allow on any of the member's roles beats a deny on another.
        var roleOverwrites = overwrites.Where(o => o.Type == 0 && o.Id != guildId && memberRoles.Contains(o.Id)).ToList();
        permissions = Apply(permissions,
            roleOverwrites.Aggregate(0UL, (bits, o) => bits | Parse(o.Allow)),
            roleOverwrites.Aggregate(0UL, (bits, o) => bits | Parse(o.Deny)));
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == memberId) is { } member)
        {
            permissions = Apply(permissions, Parse(member.Allow), Parse(member.Deny));
        }
        return permissions;
    }

    /// <summary>The names of the bits of <paramref name="required"/> that <paramref name="permissions"/> lacks.</summary>
    public static IReadOnlyList<string> Missing(ulong permissions, ulong required) =>
        [.. _names.Where(n => (required & n.Bit) != 0 && (permissions & n.Bit) == 0).Select(n => n.Name)];

    private static ulong Apply(ulong permissions, ulong allow, ulong deny) => (permissions & ~deny) | allow;
}
