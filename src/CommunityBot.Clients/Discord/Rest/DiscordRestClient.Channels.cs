using System.Globalization;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<JsonChannel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"channels/{channelId}"), new DiscordRoute("GET channels/{channel}", channelId), null,
            DiscordJsonContext.Default.JsonChannel, cancellationToken);

    // Give the message a Nonce with EnforceNonce = true to make a retried post safe.
    public Task<JsonMessage> CreateMessageAsync(ulong channelId, JsonMessageCreate message, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"channels/{channelId}/messages"), new DiscordRoute("POST channels/{channel}/messages", channelId),
            Json(message, DiscordJsonContext.Default.JsonMessageCreate), DiscordJsonContext.Default.JsonMessage, cancellationToken);
}
