using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Discord;

/// <summary>
/// Puts the slash commands in place at start: globally, or in one guild for development. Discord's own list is the
/// record of the last start, so an unchanged set is left alone (bulk overwrites count against a daily limit).
/// </summary>
public sealed partial class DiscordCommandRegistrar(DiscordRestClient rest, IOptions<DiscordBotOptions> options, ILogger<DiscordCommandRegistrar> logger)
{
    public async Task<bool> RegisterAsync(CancellationToken cancellationToken)
    {
        var wanted = DiscordCommandSet.Build();
        var appId = options.Value.ApplicationId;
        var guild = options.Value.CommandGuildId;
        var scope = guild is { } g ? $"guild {g}" : "global";
        var registered = await RegisteredAsync(appId, guild, cancellationToken);
        if (DiscordCommandSet.Matches(registered, wanted))
        {
            LogUnchanged(wanted.Count, scope);
            return false;
        }
        if (guild is { } id)
        {
            await rest.BulkOverwriteGuildCommandsAsync(appId, id, wanted, cancellationToken);
        }
        else
        {
            await rest.BulkOverwriteGlobalCommandsAsync(appId, wanted, cancellationToken);
        }
        LogRegistered(wanted.Count, scope);
        return true;
    }

    private async Task<IReadOnlyList<JsonApplicationCommand>> RegisteredAsync(ulong appId, ulong? guild, CancellationToken cancellationToken)
    {
        try
        {
            return guild is { } guildId
                ? await rest.GetGuildCommandsAsync(appId, guildId, cancellationToken)
                : await rest.GetGlobalCommandsAsync(appId, cancellationToken);
        }
        catch (JsonException exception)
        {
            // Not knowing what is registered costs one overwrite, not the commands.
            LogUnreadable(exception);
            return [];
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Discord's list of registered commands could not be read; registering ours")]
    private partial void LogUnreadable(Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Slash commands unchanged ({Count}, {Scope}); not registered again")]
    private partial void LogUnchanged(int count, string scope);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Slash commands registered ({Count}, {Scope})")]
    private partial void LogRegistered(int count, string scope);
}
