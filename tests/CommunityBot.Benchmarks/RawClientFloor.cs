using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CommunityBot.Benchmarks;

/// <summary>
/// The floor of the interaction path, for loadgen to measure beside the bot in the same run: a gateway session and one
/// fixed embed POSTed for every INTERACTION_CREATE, nothing else (no corpus, storage, scheduler, rate limits, resume
/// or reconnect). Reads the bot's own variables (<c>Discord__ApiBaseUrl</c>, <c>Discord__Token</c>) so that loadgen
/// starts it as it starts the bot; run it with <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c> as the bot runs.
/// </summary>
public static class RawClientFloor
{
    private static readonly byte[] _answer = Encoding.UTF8.GetBytes(
        """{"type":4,"data":{"embeds":[{"description":"“The struggle itself toward the heights is enough to fill a man's heart.”\n— Albert Camus","color":5793266}]}}""");

    public static async Task<int> RunAsync()
    {
        var api = (Environment.GetEnvironmentVariable("Discord__ApiBaseUrl") ?? throw new ArgumentException("Discord__ApiBaseUrl is not set")).TrimEnd('/');
        var token = Environment.GetEnvironmentVariable("Discord__Token") ?? throw new ArgumentException("Discord__Token is not set");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", token);
        using var stop = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

        using var gatewayBot = JsonDocument.Parse(await http.GetStringAsync(new Uri(api + "/gateway/bot"), stop.Token));
        var url = new Uri(gatewayBot.RootElement.GetProperty("url").GetString() + "/?v=10&encoding=json");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, stop.Token);
        var sequence = -1L;
        var sending = new SemaphoreSlim(1, 1);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                buffer.SetLength(0);
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(chunk, stop.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return 0;
                    }
                    buffer.Write(chunk, 0, received.Count);
                }
                while (!received.EndOfMessage);

                using var frame = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                var root = frame.RootElement;
                if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
                {
                    Volatile.Write(ref sequence, s.GetInt64());
                }
                switch (root.GetProperty("op").GetInt32())
                {
                    case 10:
                        var interval = TimeSpan.FromMilliseconds(root.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                        _ = HeartbeatAsync(socket, sending, interval, () => Volatile.Read(ref sequence), stop.Token);
                        await SendAsync(socket, sending, """{"op":2,"d":{"token":""" + JsonSerializer.Serialize(token) + ""","intents":0,"properties":{"os":"linux","browser":"floor","device":"floor"}}}""", stop.Token);
                        break;
                    case 0 when root.GetProperty("t").GetString() == "INTERACTION_CREATE":
                        var d = root.GetProperty("d");
                        _ = AnswerAsync(http, new Uri($"{api}/interactions/{d.GetProperty("id").GetString()}/{d.GetProperty("token").GetString()}/callback"), stop.Token);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        return 0;
    }

    private static async Task AnswerAsync(HttpClient http, Uri callback, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(_answer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(callback, content, cancellationToken);
    }

    private static async Task HeartbeatAsync(ClientWebSocket socket, SemaphoreSlim sending, TimeSpan interval, Func<long> sequence, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var last = sequence();
            await SendAsync(socket, sending, last < 0 ? """{"op":1,"d":null}""" : $$"""{"op":1,"d":{{last}}}""", cancellationToken);
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sending, string json, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }
}
