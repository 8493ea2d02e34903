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

    /// <summary>
    /// Create Message with files: multipart/form-data, the message as <c>payload_json</c> and file n as <c>files[n]</c>,
    /// which <see cref="JsonMessageCreate.Attachments"/> describes in the same order.
    /// </summary>
    public Task<JsonMessage> CreateMessageAsync(ulong channelId, JsonMessageCreate message, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken = default)
    {
        var body = new MultipartFormDataContent();
        var json = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.JsonMessageCreate));
        json.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        body.Add(json, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.TryAddWithoutValidation("Content-Type", files[i].ContentType);
            body.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }
        return SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"channels/{channelId}/messages"), new DiscordRoute("POST channels/{channel}/messages", channelId),
            body, DiscordJsonContext.Default.JsonMessage, cancellationToken);
    }

    // A message has at most one thread, whose id is the message's: a second call answers 160004, not a second thread.
    public Task<JsonChannel> StartThreadFromMessageAsync(ulong channelId, ulong messageId, JsonThreadCreate thread, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"channels/{channelId}/messages/{messageId}/threads"),
            new DiscordRoute("POST channels/{channel}/messages/{message}/threads", channelId),
            Json(thread, DiscordJsonContext.Default.JsonThreadCreate), DiscordJsonContext.Default.JsonChannel, cancellationToken);
}
