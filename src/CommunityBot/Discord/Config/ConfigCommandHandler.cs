using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Commands.Replies;

namespace CommunityBot.Discord.Config;

/// <summary>
/// Answers /config: checks that it comes from a server and from a member who may manage it, then runs the
/// subcommand. Each subcommand is one row of the table below; the answer is for the moderator alone.
/// </summary>
public sealed class ConfigCommandHandler
{
    private readonly Dictionary<string, Func<ConfigRequest, CancellationToken, Task<Reply>>> _subcommands;

    public ConfigCommandHandler(GuildConfigurator configurator, ConfigHistoryRenderer history)
    {
        _subcommands = new Dictionary<string, Func<ConfigRequest, CancellationToken, Task<Reply>>>(StringComparer.Ordinal)
        {
            [ConfigCommand.Epigraphs] = async (r, ct) => Say(await configurator.SetEpigraphsAsync(r.GuildId, r.Snowflake(ConfigCommand.ChannelOption) ?? 0,
                r.Text(ConfigCommand.TimeOption), r.Text(ConfigCommand.CronOption), r.Text(ConfigCommand.TimeZoneOption),
                r.Flag(ConfigCommand.CardsOption), ct)),
            [ConfigCommand.Announcements] = async (r, ct) => Say(await configurator.SetAnnouncementsAsync(r.GuildId, r.Snowflake(ConfigCommand.ChannelOption) ?? 0,
                r.Snowflake(ConfigCommand.RoleOption), r.Role(ConfigCommand.RoleOption), r.Flag(ConfigCommand.ThreadOption), ct)),
            [ConfigCommand.Pause] = async (r, ct) => Say(await configurator.PauseAsync(r.GuildId, ct)),
            [ConfigCommand.Resume] = async (r, ct) => Say(await configurator.ResumeAsync(r.GuildId, ct)),
            [ConfigCommand.Preview] = async (r, ct) => await configurator.PreviewAsync(r.GuildId, ct),
            [ConfigCommand.PostNow] = async (r, ct) => Say(await configurator.PostNowAsync(r.GuildId, r.Interaction.Id, ct)),
            [ConfigCommand.Show] = async (r, ct) => Say(await configurator.ShowAsync(r.GuildId, ct)),
            [ConfigCommand.History] = async (r, ct) => Say(await history.RenderAsync(r.GuildId, ct)),
        };
    }

    public async Task<Reply> AnswerAsync(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guildId || interaction.Member is not { } member)
        {
            return Say("`/config` works only inside a server: it sets where and when that server gets posts.");
        }
        // default_member_permissions is only where Discord starts: a server can open the command to anyone.
        if (!DiscordPermissions.CanManageGuild(DiscordPermissions.Parse(member.Permissions)))
        {
            return Say("Only members with the **Manage Server** (or **Administrator**) permission can use `/config`. Nothing was changed.");
        }
        var sub = interaction.Data?.Options?.FirstOrDefault(o => o.Type == JsonApplicationCommandOption.SubCommandType);
        if (sub is null || !_subcommands.TryGetValue(sub.Name, out var run))
        {
            return Say($"Unknown `/{ConfigCommand.Name} {sub?.Name}`; Discord may still be showing an older version of the command.");
        }
        return await run(new ConfigRequest(interaction, guildId, sub.Options ?? []), cancellationToken);
    }

    private static ConfigReply Say(string text) => new(text);
}
