using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Clients.Mastodon;

/// <summary>The WebSocket of one account's <c>user:notification</c> stream.</summary>
internal sealed class MastodonNotificationSubscription : IMastodonNotificationSubscription
{
    public const string NotificationEvent = "notification";

    // Mastodon's notifications are a few kilobytes; a message far past that is not one of them.
    private const int MaxMessageBytes = 1 << 20;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly string _accountName;
    private readonly ClientWebSocket _socket;
    private readonly ArrayBufferWriter<byte> _message = new();

    private MastodonNotificationSubscription(string accountName, ClientWebSocket socket)
    {
        _accountName = accountName;
        _socket = socket;
    }

    public static async Task<MastodonNotificationSubscription> ConnectAsync(
        string accountName,
        Uri uri,
        string accessToken,
        MastodonClientOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + accessToken);
        socket.Options.SetRequestHeader("User-Agent", options.UserAgent);
        socket.Options.CollectHttpResponseDetails = true;
        // Pings that go unanswered end a connection that died without a close (a NAT timeout, a suspended laptop).
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        using var timeout = new CancellationTokenSource(options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(uri, linked.Token);
            return new MastodonNotificationSubscription(accountName, socket);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            if (exception is OperationCanceledException)
            {
                throw new MastodonStreamingException(accountName, $"no answer within {options.RequestTimeout:g}", isUnavailable: false, innerException: exception);
            }
            // 404: this instance serves no streaming there; 400: it knows no such stream. Neither changes by retrying.
            var unavailable = status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Gone or HttpStatusCode.NotImplemented;
            var error = status == 0 ? $"could not connect: {exception.Message}" : $"the upgrade was refused with {(int)status} {status}";
            throw new MastodonStreamingException(accountName, error, unavailable, status == 0 ? null : status, exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask<JsonNotification?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (await ReceiveAsync(cancellationToken) is { } text)
        {
            var message = Parse(text, MastodonJsonContext.Default.JsonStreamingMessage);
            if (message.Error is { } error)
            {
                var status = message.Status is { } code ? (HttpStatusCode)code : (HttpStatusCode?)null;
                throw new MastodonStreamingException(_accountName, error, isUnavailable: status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, status);
            }
            if (message.Event == NotificationEvent && message.Payload is { } payload)
            {
                // The payload is JSON inside a JSON string: parsed a second time.
                return Parse(payload, MastodonJsonContext.Default.JsonNotification);
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Closing politely is a courtesy; the socket is released either way.
            }
        }
        _socket.Dispose();
    }

    private async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _message.ResetWrittenCount();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_message.GetMemory(4096), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                _message.Advance(result.Count);
                if (_message.WrittenCount > MaxMessageBytes)
                {
                    throw new MastodonStreamingException(_accountName, $"a message of more than {MaxMessageBytes} bytes", isUnavailable: false);
                }
                if (result.EndOfMessage)
                {
                    return System.Text.Encoding.UTF8.GetString(_message.WrittenSpan);
                }
            }
        }
        catch (WebSocketException exception)
        {
            throw new MastodonStreamingException(_accountName, $"the connection broke: {exception.Message}", isUnavailable: false, innerException: exception);
        }
    }

    private T Parse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type)
                ?? throw new MastodonStreamingException(_accountName, "a null message", isUnavailable: false);
        }
        catch (JsonException exception)
        {
            throw new MastodonStreamingException(_accountName, $"an unreadable message: {exception.Message}", isUnavailable: false, innerException: exception);
        }
    }
}
