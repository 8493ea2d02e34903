using CommunityBot.Cards;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Discord;

/// <summary>A guild takes cards when its moderators chose them with /config epigraphs cards:true.</summary>
public sealed class GuildCardPreference(GuildSettingsRepository guilds) : ICardPreference
{
    public TargetKind Kind => TargetKind.Discord;

    public async Task<bool> WantsCardAsync(TargetKey target, CancellationToken cancellationToken) =>
        await guilds.GetAsync(target.GuildId, cancellationToken) is { EpigraphCards: true } guild && guild.EpigraphChannelId == target.ChannelId;
}
