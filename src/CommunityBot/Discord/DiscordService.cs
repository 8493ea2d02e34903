using System.Text.Json;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Discord.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Discord;

/// <summary>
/// Runs the Discord part: registers the commands, keeps the gateway sessions, and hands interactions to
/// <see cref="InteractionHandler"/> off the receive loop, a bounded number at a time. A fatal gateway error
/// (a rejected token, disallowed intents) stops this part only; the rest of the bot keeps running. With
/// <c>Discord:Gateway</c> false there is no session at all: the HTTP listener receives the interactions.
/// </summary>
public sealed partial class DiscordService(
    ShardedGatewayClient gateway,
    DiscordCommandRegistrar registrar,
    InteractionHandler handler,
    IOptions<DiscordBotOptions> options,
    ILogger<DiscordService> logger,
    GuildRemovedHandler? guildRemoved = null) : BackgroundService
{
    private const int MaxConcurrentInteractions = 256;
    private const string InteractionCreate = "INTERACTION_CREATE";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Gateway)
        {
            // Interactions come to the HTTP listener, if any (an instance beyond the shard count may take none); posts,
            // schedules and announcements go over REST as always.
            LogGatewayOff();
            await RegisterAsync(stoppingToken);
            return;
        }
        // Registration and the gateway session do not depend on each other: neither waits for the other at start.
        var registering = RegisterAsync(stoppingToken);
        var consuming = ConsumeAsync(stoppingToken);
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        catch (GatewayFatalException exception)
        {
            LogStopped(exception.CloseCode);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCrashed(exception);
        }
        await consuming;
        await registering;
    }

    private async Task RegisterAsync(CancellationToken stoppingToken)
    {
        try
        {
            await registrar.RegisterAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRegistrationFailed(exception);
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(MaxConcurrentInteractions);
        try
        {
            await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(stoppingToken))
            {
                if (dispatch.EventName == "GUILD_DELETE" && guildRemoved is not null && dispatch.Deserialize(DiscordJsonContext.Default.JsonGuild) is { Unavailable: not true } removed)
                {
                    await guildRemoved.HandleAsync(removed.Id, stoppingToken);
                }
                if (dispatch.EventName != InteractionCreate)
                {
                    continue;
                }
                if (Read(dispatch) is not { } interaction)
                {
                    continue;
                }
                await slots.WaitAsync(stoppingToken);
                _ = HandleAsync(interaction, slots, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Let interactions already taken finish before the host disposes the clients.
        for (var i = 0; i < MaxConcurrentInteractions; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    // One interaction Discord sends in a shape we cannot read must not stop the ones after it.
    private JsonInteraction? Read(GatewayDispatch dispatch)
    {
        try
        {
            return dispatch.Deserialize(DiscordJsonContext.Default.JsonInteraction);
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception);
            return null;
        }
    }

    private async Task HandleAsync(JsonInteraction interaction, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await handler.HandleAsync(interaction, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(EventId = 8040, EventName = "GatewayOff", Level = LogLevel.Information, Message = "Discord:Gateway is false: no gateway session on this instance; interactions arrive only over HTTP at POST /interactions when Discord:PublicKey is set, and posts and schedules go on")]
    private partial void LogGatewayOff();

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "An interaction could not be read and was left unanswered")]
    private partial void LogUnreadable(Exception exception);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Slash commands could not be registered; the bot still answers the commands Discord already has")]
    private partial void LogRegistrationFailed(Exception exception);

    // The gateway client has already logged the close at Critical with Discord's reason; one Critical line per event.
    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Discord stopped for good (close code {CloseCode}); Mastodon and the console keep running")]
    private partial void LogStopped(int closeCode);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Critical, Message = "Discord stopped after an unexpected error; Mastodon and the console keep running")]
    private partial void LogCrashed(Exception exception);
}
