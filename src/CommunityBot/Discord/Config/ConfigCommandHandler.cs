using System.Globalization;
using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Discord.Config;

/// <summary>
/// Answers /config: checks that it comes from a server and from a member who may manage it, runs the subcommand,
/// and replies to the moderator alone. Work that takes longer than <see cref="InteractionHandler.DeferAfter"/>
/// (Discord lookups, the database) is deferred first, so Discord's 3-second deadline is never missed.
/// </summary>
public sealed partial class ConfigCommandHandler(
    DiscordRestClient rest,
    GuildConfigurator configurator,
    TimeProvider time,
    ILogger<ConfigCommandHandler> logger)
{
    public async Task HandleAsync(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        using var deferral = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = AnswerAsync(interaction, cancellationToken);
        var deadline = Task.Delay(InteractionHandler.DeferAfter, time, deferral.Token);
        if (await Task.WhenAny(work, deadline) == work)
        {
            await deferral.CancelAsync();
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                new JsonInteractionResponse { Type = JsonInteractionResponse.ChannelMessageWithSourceType, Data = await work }, cancellationToken);
            return;
        }
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new JsonInteractionResponse
        {
            Type = JsonInteractionResponse.DeferredChannelMessageWithSourceType,
            Data = new JsonInteractionCallbackData { Flags = MessageFlags.Ephemeral },
        }, cancellationToken);
        var data = await work;
        await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, new JsonMessageCreate
        {
            Content = data.Content,
            Embeds = data.Embeds ?? [],
            AllowedMentions = data.AllowedMentions,
        }, cancellationToken);
    }

    private async Task<JsonInteractionCallbackData> AnswerAsync(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            // Off the caller's path, so the deadline above starts counting before the first lookup.
            await Task.Yield();
            return await RunAsync(interaction, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, Subcommand(interaction)?.Name ?? "");
            var reason = exception is DiscordRestException refused ? $"Discord refused a lookup ({refused.Message})." : "an internal error. It has been logged.";
            return DiscordReplyRenderer.Ephemeral($"Sorry, that went wrong and nothing may have changed: {reason}");
        }
    }

    private async Task<JsonInteractionCallbackData> RunAsync(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guildId || interaction.Member is not { } member)
        {
            return DiscordReplyRenderer.Ephemeral("`/config` works only inside a server: it sets where and when that server gets posts.");
        }
        // default_member_permissions is only where Discord starts: a server can open the command to anyone.
        if (!DiscordPermissions.CanManageGuild(DiscordPermissions.Parse(member.Permissions)))
        {
            return DiscordReplyRenderer.Ephemeral("Only members with the **Manage Server** (or **Administrator**) permission can use `/config`. Nothing was changed.");
        }
        var sub = Subcommand(interaction);
        var options = sub?.Options ?? [];
        return sub?.Name switch
        {
            ConfigCommand.Epigraphs => Say(await configurator.SetEpigraphsAsync(guildId, Snowflake(options, "channel") ?? 0,
                Text(options, "time"), Text(options, "cron"), Text(options, "timezone"), Flag(options, ConfigCommand.Cards), cancellationToken)),
            ConfigCommand.Announcements => Say(await configurator.SetAnnouncementsAsync(guildId, Snowflake(options, "channel") ?? 0,
                Snowflake(options, "role"), ResolvedRole(interaction, Snowflake(options, "role")), cancellationToken)),
            ConfigCommand.Pause => Say(await configurator.PauseAsync(guildId, cancellationToken)),
            ConfigCommand.Resume => Say(await configurator.ResumeAsync(guildId, cancellationToken)),
            ConfigCommand.Preview => await configurator.PreviewAsync(guildId, cancellationToken),
            ConfigCommand.PostNow => Say(await configurator.PostNowAsync(guildId, interaction.Id, cancellationToken)),
            ConfigCommand.Show => Say(await configurator.ShowAsync(guildId, cancellationToken)),
            _ => Say($"Unknown `/config {sub?.Name}`; Discord may still be showing an older version of the command."),
        };
    }

    private static JsonInteractionCallbackData Say(string text) => DiscordReplyRenderer.Ephemeral(text);

    private static JsonInteractionDataOption? Subcommand(JsonInteraction interaction) =>
        interaction.Data?.Options?.FirstOrDefault(o => o.Type == JsonApplicationCommandOption.SubCommandType);

    private static string? Text(IReadOnlyList<JsonInteractionDataOption> options, string name) =>
        options.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.String } value
        && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool? Flag(IReadOnlyList<JsonInteractionDataOption> options, string name) =>
        options.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    // Channel and role options carry the snowflake as a string.
    private static ulong? Snowflake(IReadOnlyList<JsonInteractionDataOption> options, string name) =>
        ulong.TryParse(Text(options, name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static JsonRole? ResolvedRole(JsonInteraction interaction, ulong? roleId) =>
        roleId is { } id && interaction.Data?.Resolved?.Roles?.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var role) == true ? role : null;

    [LoggerMessage(EventId = 3030, Level = LogLevel.Error, Message = "/config {Subcommand} failed")]
    private partial void LogFailed(Exception exception, string subcommand);
}
