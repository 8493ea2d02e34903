using System.Collections.Concurrent;
using System.Globalization;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Cluster;

/// <summary>
/// Plays Discord's side of every session on <see cref="FakeDiscordGateway"/> unscripted, for tests whose subject is not
/// the gateway: HELLO, READY for each IDENTIFY (recording the shard it names), an ACK for each heartbeat.
/// </summary>
public sealed class ServedGateway : IAsyncDisposable
{
    private readonly FakeDiscordGateway _gateway;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _identified = new();
    private readonly Task _serving;
    private int _sessions;

    public ServedGateway(FakeDiscordGateway gateway)
    {
        _gateway = gateway;
        _serving = AcceptAsync();
    }

    /// <summary>The <c>shard</c> of every IDENTIFY so far, as "id/count".</summary>
    public IReadOnlyList<string> IdentifiedShards => [.. _identified];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            await foreach (var connection in _gateway.AllConnectionsAsync(_stop.Token))
            {
                sessions.Add(ServeAsync(connection));
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(FakeDiscordGatewayConnection connection)
    {
        try
        {
            await connection.SendHelloAsync(45000);
            await foreach (var received in connection.AllReceivedAsync(_stop.Token))
            {
                if (received.Op == 2)
                {
                    var shard = received.Data.GetProperty("shard");
                    _identified.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{shard[0].GetInt32()}/{shard[1].GetInt32()}"));
                    var session = Interlocked.Increment(ref _sessions);
                    await connection.SendReadyAsync(_gateway.ResumeUrl, sessionId: string.Create(CultureInfo.InvariantCulture, $"session-{session}"));
                }
                else if (received.Op == 1)
                {
                    await connection.SendAckAsync();
                }
            }
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The instance went away (killed, or the test is over): its session ends with it.
        }
    }
}
