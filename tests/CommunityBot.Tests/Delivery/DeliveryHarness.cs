using System.Collections.Concurrent;
using System.Text.Json;
using CommunityBot.Cluster;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Storage;
using CommunityBot.Tests.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using CommunityBot.Tests.Cards;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// The delivery worker over a real outbox (SQLite or PostgreSQL) and the real Discord channel, against a loopback Discord that
/// keeps enforce_nonce's promise: a nonce it has seen returns the message it already created; and, as Discord does,
/// opens at most one thread on a message, with the message's id, answering 160004 to a second try.
/// </summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _messagesByNonce = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _threadsByMessage = new(StringComparer.Ordinal);
    private readonly List<DeliveryWorker> _workers = [];
    private readonly List<OutboxWakeUpListener> _listeners = [];

    private DeliveryHarness(DiscordRestHarness rest, TestDatabase db)
    {
        Rest = rest;
        Db = db;
        Outbox = new OutboxRepository(db.Database, rest.Time);
        Health = new TargetHealthRepository(db.Database, rest.Time);
        rest.Server.Default = Answer;
    }

    public DiscordRestHarness Rest { get; }

    public TestDatabase Db { get; }

    public OutboxRepository Outbox { get; }

    public TargetHealthRepository Health { get; }

    /// <summary>The options the next started worker gets.</summary>
    public DeliveryOptions Options { get; } = new();

    /// <summary>The log of every worker the harness starts.</summary>
    public FakeLogger<DeliveryWorker> Log { get; } = new();

    /// <summary>Messages the fake Discord really created, one per distinct nonce.</summary>
    public int MessagesCreated => _messagesByNonce.Count;

    /// <summary>Threads the fake Discord really opened, one per message at most.</summary>
    public int ThreadsOpened => _threadsByMessage.Count;

    public IReadOnlyList<FakeDiscordRestRequest> Posts =>
        [.. Rest.Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal))];

    /// <param name="configureRest">Replaces the default of no client retries, so the worker's own retries show.</param>
    public static async Task<DeliveryHarness> StartAsync(Action<global::CommunityBot.Clients.Discord.DiscordRestOptions>? configureRest = null) =>
        await StartAsync(StorageProvider.Sqlite, configureRest);

    /// <summary>
    /// The REST client's time per attempt unless a test sets its own: longer than any stepping of the fake clock
    /// (<see cref="AdvanceUntilAsync"/>), so a send still on its way on a slow machine is never timed out by accident.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(20);

    public static async Task<DeliveryHarness> StartAsync(string provider, Action<global::CommunityBot.Clients.Discord.DiscordRestOptions>? configureRest = null) =>
        new(await DiscordRestHarness.StartAsync(configureRest ?? (o =>
        {
            o.MaxRetries = 0;
            o.RequestTimeout = RequestTimeout;
        })), await TestDatabase.CreateAsync(provider));

    /// <summary>The fake Discord answers the next <paramref name="count"/> requests with <paramref name="failure"/>, then as before.</summary>
    public void FailFirstRequests(int count, FakeDiscordRestResponse failure)
    {
        var answer = Rest.Server.Default;
        Rest.Server.Default = request => Interlocked.Decrement(ref count) >= 0 ? failure : answer(request);
    }

    /// <summary>Starts a worker, as a fresh process would after a restart.</summary>
    public Task<DeliveryWorker> StartWorkerAsync(params IDeliveryChannel[] channels) =>
        StartInstanceAsync(new ClusterOptions().InstanceId, new DeliverySignal(), channels);

    /// <summary>
    /// Starts a worker as one instance of several sharing the database: its own id, signal and repositories, with
    /// the harness's Discord and fake time.
    /// </summary>
    public async Task<DeliveryWorker> StartInstanceAsync(string instanceId, DeliverySignal signal, params IDeliveryChannel[] channels)
    {
        var worker = new DeliveryWorker(
            new OutboxRepository(Db.Database, Rest.Time),
            new TargetHealthRepository(Db.Database, Rest.Time),
            channels.Length > 0 ? channels : [TestCards.Discord(Rest.Client)],
            signal,
            Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { InstanceId = instanceId }),
            Rest.Time,
            Log);
        _workers.Add(worker);
        await worker.StartAsync(CancellationToken.None);
        return worker;
    }

    /// <summary>Starts an instance's wake-up listener, which notifies <paramref name="signal"/>.</summary>
    public async Task<OutboxWakeUpListener> StartListenerAsync(DeliverySignal signal)
    {
        var listener = new OutboxWakeUpListener(Db.Database, signal, Rest.Time, ListenerLog);
        _listeners.Add(listener);
        await listener.StartAsync(CancellationToken.None);
        return listener;
    }

    /// <summary>The log of every wake-up listener the harness starts.</summary>
    public FakeLogger<OutboxWakeUpListener> ListenerLog { get; } = new();

    public static async Task StopAsync(DeliveryWorker worker) =>
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Waits, bounded, for the outbox to reach a state the test expects.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> WaitForOutboxAsync(Func<IReadOnlyList<OutboxEntry>, bool> condition)
    {
        // Generous: it returns as soon as the state is reached, and a loaded CI machine can be slow to get there.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = await Outbox.AllAsync();
            if (condition(rows))
            {
                return rows;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox never reached the expected state: " + string.Join("; ", rows.Select(r => $"{r.Target} {r.Status} {r.LastError}")));
            }
            await Task.Yield();
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Moves fake time on a second at a time until the outbox reaches the state: the worker's next wait may start
    /// just before or just after a step, and stepping covers both without guessing which.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> AdvanceUntilAsync(Func<IReadOnlyList<OutboxEntry>, bool> condition, int maxSeconds = 600)
    {
        for (var step = 0; step < maxSeconds; step++)
        {
            var rows = await Outbox.AllAsync();
            if (condition(rows))
            {
                return rows;
            }
            Rest.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }
        return await WaitForOutboxAsync(condition);
    }

    /// <summary>Moves fake time on a second at a time, giving the worker a moment at each step.</summary>
    public async Task AdvanceAsync(int seconds)
    {
        for (var step = 0; step < seconds; step++)
        {
            Rest.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
        foreach (var listener in _listeners)
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
        await Rest.DisposeAsync();
        await Db.DisposeAsync();
    }

    private FakeDiscordRestResponse Answer(FakeDiscordRestRequest request)
    {
        if (request.Path.EndsWith("/threads", StringComparison.Ordinal))
        {
            var segments = request.Path.Split('/');
            var (parent, message) = (segments[^4], segments[^2]);
            var name = JsonDocument.Parse(request.Body).RootElement.GetProperty("name").GetString();
            return _threadsByMessage.TryAdd(message, name!)
                ? FakeDiscordRestResponse.Json($$$"""{"id": "{{{message}}}", "type": 11, "guild_id": "1", "parent_id": "{{{parent}}}", "name": {{{JsonSerializer.Serialize(name)}}}, "flags": 0, "owner_id": "2", "message_count": 0, "member_count": 1, "total_message_sent": 0, "thread_metadata": {"archived": false, "auto_archive_duration": 1440, "archive_timestamp": "2026-11-26T09:00:00+00:00", "locked": false}}""", 201)
                : FakeDiscordRestResponse.Error(400, 160004, "A thread has already been created for this message");
        }
        var channel = request.Path.Split('/')[^2];
        var nonce = JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()!;
        var id = _messagesByNonce.GetOrAdd(nonce, _ => (1000 + _messagesByNonce.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return FakeDiscordRestResponse.Json($$"""{"id": "{{id}}", "channel_id": "{{channel}}", "content": "", "nonce": "{{nonce}}"}""");
    }
}
