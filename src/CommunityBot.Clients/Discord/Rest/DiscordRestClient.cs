using System.Buffers;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

/// <summary>
/// Discord's REST API, the part the bot uses, as a typed HttpClient; one partial file per resource. Rate limits, retries
/// and the Authorization header are in the handler pipeline of <c>AddDiscordRest</c>.
/// </summary>
public sealed partial class DiscordRestClient(HttpClient http)
{
    // Interaction tokens are URL-safe; anything else would let a token rewrite the request path.
    private static readonly SearchValues<char> s_tokenCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~:");

    private async Task<T> SendAsync<T>(HttpMethod method, string path, DiscordRoute route, HttpContent? content,
        JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, route, content, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken)
            ?? throw new JsonException($"Discord answered {route.Template} with an empty body.");
    }

    private async Task SendAsync(HttpMethod method, string path, DiscordRoute route, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, route, content, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, DiscordRoute route,
        HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Options.Set(DiscordRateLimitHandler.RouteOption, route);
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
            return response;

        using (response)
            throw await ToExceptionAsync(response, cancellationToken);
    }

    private static async Task<DiscordRestException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonError? error = null;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            error = await JsonSerializer.DeserializeAsync(stream, DiscordJsonContext.Default.JsonError, cancellationToken);
        }
        catch (JsonException)
        {
            // Not Discord's JSON (a proxy or Cloudflare page): the status code is all there is.
        }

        TimeSpan? retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests
            ? error?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : response.Headers.RetryAfter?.Delta
            : null;
        return new DiscordRestException(response.StatusCode, error?.Code ?? 0, error?.Message ?? response.ReasonPhrase, error?.Errors, retryAfter);
    }

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        // A byte array, not JsonContent: Discord gets a Content-Length instead of a chunked body,
        // and a retry can send the same bytes again.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    private static string CheckToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (token.AsSpan().ContainsAnyExcept(s_tokenCharacters))
            throw new ArgumentException("The interaction token contains characters that cannot appear in a URL path.", nameof(token));
        return token;
    }
}
