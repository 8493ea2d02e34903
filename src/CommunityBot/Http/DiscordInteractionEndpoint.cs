using System.Text.Json;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Discord;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Http;

/// <summary>
/// <c>POST /interactions</c>: Discord's HTTP interactions. The signature is checked before anything else runs; the
/// interaction then goes through the same handler as the gateway's, and its first answer is the HTTP response.
/// </summary>
internal sealed partial class DiscordInteractionEndpoint(
    InteractionHandler handler,
    InteractionSignature signature,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordInteractionEndpoint> logger)
{
    public const string Path = "/interactions";
    private const string SignatureHeader = "X-Signature-Ed25519";
    private const string TimestampHeader = "X-Signature-Timestamp";
    private static readonly byte[] _pong = """{"type":1}"""u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.ContentLength > HttpOptions.MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException exception)
        {
            context.Response.StatusCode = exception.StatusCode;
            return;
        }
        if (!signature.Verify(context.Request.Headers[TimestampHeader], context.Request.Headers[SignatureHeader], body))
        {
            LogRefused(context.Connection.RemoteIpAddress?.ToString() ?? "?");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (Read(body) is not { } interaction)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        context.Response.ContentType = "application/json";
        if (interaction.Type == JsonInteraction.PingType)
        {
            await context.Response.Body.WriteAsync(_pong, context.RequestAborted);
            return;
        }
        await AnswerAsync(context, interaction);
    }

    private async Task AnswerAsync(HttpContext context, JsonInteraction interaction)
    {
        var callback = new HttpInteractionCallback();
        var handling = handler.HandleAsync(interaction, callback, lifetime.ApplicationStopping);
        await Task.WhenAny(callback.Response, handling);
        if (!callback.Response.IsCompleted)
        {
            // Only a shutdown ends the handling without an answer: the responder answers every failure.
            LogUnanswered(interaction.Id);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await handling;
            return;
        }
        try
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, await callback.Response, DiscordJsonContext.Default.JsonInteractionResponse, context.RequestAborted);
            await context.Response.CompleteAsync();
            callback.Written();
        }
        catch (Exception exception)
        {
            callback.NotWritten(exception);
            throw;
        }
        // A deferred answer goes on to edit @original; the request ends with it, so a shutdown waits for it.
        await handling;
    }

    private JsonInteraction? Read(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.JsonInteraction);
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception);
            return null;
        }
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Refused a POST to /interactions from {Remote}: the Ed25519 signature is missing or wrong")]
    private partial void LogRefused(string remote);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "A signed interaction could not be read and was answered 400")]
    private partial void LogUnreadable(Exception exception);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Interaction {InteractionId} was not answered: the bot is stopping")]
    private partial void LogUnanswered(ulong interactionId);
}
