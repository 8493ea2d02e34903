using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Storage;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;
using Xunit.Abstractions;

namespace CommunityBot.Tests.Cluster;

/// <summary>
/// Three instances of the built bot starting together on one new PostgreSQL database, against the loopback Discord (two
/// shards: one instance each for shard 0 and 1, the third with <c>Discord:Gateway=false</c>) and Mastodon (two accounts,
/// each with an epigraph every 5 seconds). Each instance calls Discord under
/// a path of its own (<c>/{instance}/api/v10</c>), so the fake knows who sent what. The fakes count every nonce and
/// Idempotency-Key; like Discord and Mastodon they make one message of any number of sends with the same one.
/// </summary>
[OnPostgres]
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class ThreeInstancesTests(ITestOutputHelper output)
{
    private const int DiscordTargets = 98;
    private const int RowsPerTarget = 3;
    private const string SlotCron = "0/5 * * * * ?";
    private static readonly string[] Accounts = ["m0", "m1"];
    private static readonly ulong[] AnnouncingGuilds = [7001, 7002, 7003];
    // Bounds for a loaded machine; each phase normally takes a fraction of them.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(90);
    // The shortest Delivery:LeaseDuration accepted: a dead instance's rows are taken over 10 s after it claimed them.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<(string Instance, string Nonce, long At)> _discordSends = new();
    private readonly ConcurrentDictionary<string, string> _messagesByNonce = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _heldNonces = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _victimChosen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _victimKilled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _nextMessageId = 3_000_000;
    private bool _killArmed;
    private string? _victim;

    [DatabaseFact]
    public async Task ThreeInstances_EveryPostOnce_EverySlotOnce_OneAnnouncement_AndAKilledInstanceLosesNothing()
    {
        await using var db = await TestDatabase.CreateEmptyAsync(StorageProvider.Postgres);
        using var essays = new TempEssayFolder();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SeedEssays))
        {
            File.Copy(file, Path.Combine(essays.Path, Path.GetFileName(file)));
        }
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        discord.Respond = request => Respond(discord, request);
        await using var gateway = new ServedGateway(discord.Gateway);
        await using var mastodon = await FakeMastodonServer.StartAsync(TimeProvider.System);

        // Starting together on an empty database: they take turns at the migrations and all come up.
        await using var a = BotInstance.Start("a", Environment("a", discord, mastodon, db, essays.Path, ["Discord__ShardIds=0"]));
        await using var b = BotInstance.Start("b", Environment("b", discord, mastodon, db, essays.Path, ["Discord__ShardIds=1"]));
        await using var c = BotInstance.Start("c", Environment("c", discord, mastodon, db, essays.Path, ["Discord__Gateway=false"]));
        BotInstance[] instances = [a, b, c];
        await Task.WhenAll(instances.Select(i => i.WaitForAsync($"Delivery runs as instance {i.Name}", StartTimeout)));
        await c.WaitForAsync("Discord:Gateway is false", StartTimeout);
        await Until(() => gateway.IdentifiedShards.Count >= 2, StartTimeout, "both shards identified");
        Assert.Equal(["0/2", "1/2"], gateway.IdentifiedShards.Order(StringComparer.Ordinal));
        Mark("all up");

        // Guilds as /config leaves them with an announcement channel; announcements read them when they are made.
        var guilds = new GuildSettingsRepository(db.Database, TimeProvider.System);
        foreach (var guild in AnnouncingGuilds)
        {
            await guilds.SaveAsync(new GuildSettings(guild, AnnounceChannelId: guild + 1000));
        }

        var outbox = new OutboxRepository(db.Database, TimeProvider.System);
        var firstBurst = await EnqueueBurstAsync(outbox, "first");
        await UntilDeliveredAsync(outbox, firstBurst, "the first burst");
        Mark("first burst delivered");

        essays.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage"));
        var announcementTargets = AnnouncingGuilds.Length + Accounts.Length;
        await UntilDeliveredAsync(outbox, IsAnnouncement, announcementTargets, "the announcement");
        Mark("announced");
        await UntilAsync(async () => SlotsByAccount(await outbox.AllAsync()).All(g => g.Value.Count(r => r.Status == OutboxStatus.Delivered) >= 2),
            DeliveryTimeout, "two scheduled slots delivered for every account", async () => Describe(SlotsByAccount(await outbox.AllAsync())) + Problems(instances));
        Mark("slots");

        // Until now no instance died: every nonce and every Idempotency-Key went out exactly once. Slots keep falling
        // due meanwhile, so what was sent is read after the rows and checked against the rows read after it.
        var beforeKill = await outbox.AllAsync();
        var discordSent = _discordSends.Select(s => s.Nonce).ToList();
        var mastodonSent = MastodonKeys(mastodon);
        var rowsAfter = await outbox.AllAsync();
        // Only an account's newest slot may still be on its way: it can have fallen due just before the read.
        Assert.All(beforeKill.Where(r => r.Status != OutboxStatus.Delivered),
            r => Assert.True(r.Status == OutboxStatus.Pending && IsNewestSlot(beforeKill, r), $"row {r.Id} ({r.IdempotencyKey}) is {r.Status}: {r.LastError}"));
        var delivered = beforeKill.Where(r => r.Status == OutboxStatus.Delivered).ToList();
        AssertSentOnce(delivered.Where(IsDiscord), rowsAfter.Where(IsDiscord), discordSent, r => DiscordDeliveryChannel.Nonce(r.IdempotencyKey));
        AssertSentOnce(delivered.Where(r => !IsDiscord(r)), rowsAfter.Where(r => !IsDiscord(r)), mastodonSent, r => r.IdempotencyKey);
        var announced = delivered.Where(IsAnnouncement).ToList();
        Assert.Equal(announcementTargets, announced.Count);
        Assert.Equal(announcementTargets, announced.Select(r => r.Target).Distinct(StringComparer.Ordinal).Count());
        AssertSlotsOnce(delivered, gapless: true);

        // Second burst: the first instance to send is held mid-send and killed; its leases run out and are taken over.
        var sendsBeforeSecond = _discordSends.Count;
        var mastodonBeforeSecond = mastodon.Requests.Count;
        Volatile.Write(ref _killArmed, true);
        var secondBurst = await EnqueueBurstAsync(outbox, "second");
        var victimName = await _victimChosen.Task.WaitAsync(DeliveryTimeout);
        Mark("victim chosen");
        var victim = instances.Single(i => i.Name == victimName);
        await victim.KillAsync();
        var killedAt = Stopwatch.GetTimestamp();
        _victimKilled.SetResult();
        await UntilDeliveredAsync(outbox, secondBurst, "the second burst after a kill");
        Mark("second burst delivered");

        var all = await outbox.AllAsync();
        var secondRows = all.Where(r => r.IdempotencyKey.StartsWith("burst:second:", StringComparison.Ordinal)).ToList();
        Assert.Equal(DiscordTargets * RowsPerTarget + Accounts.Length * RowsPerTarget, secondRows.Count);
        Assert.All(secondRows, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
        // Nothing doubled: each Discord message made from a row, one per nonce, whatever was sent again.
        var made = _messagesByNonce.Keys.ToList();
        var nonces = (await outbox.AllAsync()).Where(IsDiscord).Select(r => DiscordDeliveryChannel.Nonce(r.IdempotencyKey)).ToHashSet(StringComparer.Ordinal);
        Assert.All(made, nonce => Assert.Contains(nonce, nonces));
        Assert.All(all.Where(r => IsDiscord(r) && r.Status == OutboxStatus.Delivered), r => Assert.Contains(DiscordDeliveryChannel.Nonce(r.IdempotencyKey), made));
        var secondSends = _discordSends.Skip(sendsBeforeSecond).ToList();
        var resent = secondSends.GroupBy(s => s.Nonce, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        // Only what the killed instance had in flight went out again, and a survivor sent it.
        Assert.NotEmpty(_heldNonces);
        Assert.All(resent, g => Assert.True(_heldNonces.ContainsKey(g.Key), $"nonce {g.Key} was sent {g.Count()} times but was not in flight at the killed instance"));
        Assert.All(_heldNonces.Keys, nonce => Assert.Contains(secondSends, s => s.Nonce == nonce && s.Instance != victimName && s.At > killedAt));
        Assert.All(resent, g => Assert.Equal(2, g.Count()));
        // Mastodon's path names no instance: a key may have gone out once more (from the killed instance), never more
        // than that, and every row's key arrived.
        var mastodonSecond = mastodon.Requests.Skip(mastodonBeforeSecond).Where(IsStatus).GroupBy(r => r.Header("Idempotency-Key")!, StringComparer.Ordinal).ToList();
        Assert.All(mastodonSecond, g => Assert.InRange(g.Count(), 1, 2));
        Assert.Equal(secondRows.Where(r => !IsDiscord(r)).Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal),
            mastodonSecond.Select(g => g.Key).Where(k => k.StartsWith("burst:second:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        AssertSlotsOnce(all, gapless: false);
        Assert.All(instances.Where(i => i != victim), i => Assert.False(i.HasExited, $"instance {i.Name} exited:\n{i.Output}"));
    }

    // How long each phase took, in the test's output: the bounds are generous, and a slow phase should still show.
    private void Mark(string phase) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {phase}");

    private FakeDiscordRestResponse Respond(FakeDiscord discord, FakeDiscordRestRequest request)
    {
        if (!(request.Method == "POST" && request.Path.EndsWith("/messages", StringComparison.Ordinal)))
        {
            return discord.DefaultResponse(request);
        }
        var instance = request.Path.Split('/')[1];
        var nonce = JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()!;
        _discordSends.Enqueue((instance, nonce, Stopwatch.GetTimestamp()));
        var id = _messagesByNonce.GetOrAdd(nonce, _ => Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture));
        var response = FakeDiscordRestResponse.Json($$"""{"id": "{{id}}", "channel_id": "{{request.Path.Split('/')[^2]}}", "content": "", "nonce": "{{nonce}}"}""");
        if (Volatile.Read(ref _killArmed) && !_victimKilled.Task.IsCompleted)
        {
            var victim = Interlocked.CompareExchange(ref _victim, instance, null) ?? instance;
            if (victim == instance)
            {
                // Made, but the answer never reaches the instance before it dies.
                _heldNonces[nonce] = instance;
                _victimChosen.TrySetResult(instance);
                return response with { HoldUntil = _victimKilled.Task };
            }
        }
        return response;
    }

    private static Dictionary<string, string> Environment(string name, FakeDiscord discord, FakeMastodonServer mastodon, TestDatabase db, string essays, string[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["Cluster__InstanceId"] = name,
            ["Storage__Provider"] = db.Options.Provider,
            ["Storage__ConnectionString"] = db.Options.ConnectionString,
            ["Discord__Token"] = DiscordBotHost.Token,
            ["Discord__ApplicationId"] = DiscordBotHost.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord__ApiBaseUrl"] = $"{discord.Rest.BaseUrl.GetLeftPart(UriPartial.Authority)}/{name}/api/v10",
            ["Discord__ShardCount"] = "2",
            ["Content__Path"] = essays,
            ["Delivery__LeaseDuration"] = Lease.ToString("c", CultureInfo.InvariantCulture),
            ["Delivery__PollInterval"] = "00:00:02",
        };
        for (var i = 0; i < Accounts.Length; i++)
        {
            environment[$"Mastodon__Accounts__{i}__Name"] = Accounts[i];
            environment[$"Mastodon__Accounts__{i}__Instance"] = mastodon.BaseUri.ToString();
            environment[$"Mastodon__Accounts__{i}__AccessToken"] = FakeMastodonServer.AccessToken;
            environment[$"Mastodon__Accounts__{i}__ReplyToMentions"] = "false";
            environment[$"Mastodon__Accounts__{i}__Schedule__Cron"] = SlotCron;
        }
        foreach (var setting in extra)
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            environment[key] = value;
        }
        return environment;
    }

    /// <summary>Three rows for each of 98 Discord channels and 2 Mastodon accounts, all due now; returns their keys.</summary>
    private static async Task<HashSet<string>> EnqueueBurstAsync(OutboxRepository outbox, string burst)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < RowsPerTarget; row++)
        {
            // A target's rows one after another (their order is the target's order); the targets side by side.
            var rows = Enumerable.Range(0, DiscordTargets)
                .Select(channel => (Target: TargetKey.Discord(1, 500 + (ulong)channel).ToString(), Key: $"burst:{burst}:{channel}:{row}",
                    Payload: $$$"""{"content":"{{{burst}}} {{{row}}}","allowed_mentions":{"parse":[]}}"""))
                .Concat(Accounts.Select(account => (Target: TargetKey.Mastodon(account).ToString(), Key: $"burst:{burst}:{account}:{row}",
                    Payload: $$"""{"status":"{{burst}} {{row}}","visibility":"public"}""")))
                .ToList();
            await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (r, ct) => Assert.True(await outbox.EnqueueAsync(r.Target, "epigraph", r.Payload, r.Key, ct)));
            keys.UnionWith(rows.Select(r => r.Key));
        }
        return keys;
    }

    private static Task UntilDeliveredAsync(OutboxRepository outbox, HashSet<string> keys, string what) =>
        UntilDeliveredAsync(outbox, r => keys.Contains(r.IdempotencyKey), keys.Count, what);

    private static Task UntilDeliveredAsync(OutboxRepository outbox, Func<OutboxEntry, bool> rows, int count, string what) =>
        UntilAsync(async () => (await outbox.AllAsync()).Count(r => rows(r) && r.Status == OutboxStatus.Delivered) >= count, DeliveryTimeout, what);

    private static Task Until(Func<bool> condition, TimeSpan timeout, string what) => UntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task<string>>? state = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                Assert.Fail($"not reached within {timeout}: {what}{(state is null ? "" : "; " + await state())}");
            }
            await Task.Delay(100);
        }
    }

    // The instances' warnings and failures, which say why a schedule did not run.
    private static string Problems(IEnumerable<BotInstance> instances) => string.Concat(instances.Select(instance =>
    {
        var lines = instance.Output.Split('\n');
        var problems = lines.Select((line, n) => (line, n))
            .Where(l => l.line.StartsWith("warn", StringComparison.Ordinal) || l.line.StartsWith("fail", StringComparison.Ordinal) || l.line.StartsWith("crit", StringComparison.Ordinal))
            .SelectMany(l => lines.Skip(l.n).Take(3))
            .Take(40);
        return $"\ninstance {instance.Name}:\n" + string.Join("\n", problems);
    }));

    // What a slow schedule left behind: each account's slot rows by status, with the last error of one not delivered.
    private static string Describe(Dictionary<string, List<OutboxEntry>> slots) => string.Join("; ", slots.Select(account =>
        $"{account.Key}: {account.Value.Count} rows ({string.Join(", ", account.Value.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}"))})"
        + (account.Value.FirstOrDefault(r => r.Status != OutboxStatus.Delivered) is { } waiting
            ? $", {waiting.IdempotencyKey} after {waiting.Attempts} attempts, next at {waiting.NextAttemptAt:HH:mm:ss}, last error: {waiting.LastError ?? "none"}"
            : "")));

    /// <summary>
    /// No key in <paramref name="sent"/> twice; every row of <paramref name="delivered"/> (read before it) among it, and
    /// all of it from rows of <paramref name="later"/> (read after it).
    /// </summary>
    private static void AssertSentOnce(IEnumerable<OutboxEntry> delivered, IEnumerable<OutboxEntry> later, IReadOnlyList<string> sent, Func<OutboxEntry, string> key)
    {
        Assert.Empty(sent.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(delivered.Select(key).Except(sent, StringComparer.Ordinal));
        Assert.Empty(sent.Except(later.Select(key), StringComparer.Ordinal));
    }

    private static List<string> MastodonKeys(FakeMastodonServer mastodon) =>
        [.. mastodon.Requests.Where(IsStatus).Select(r => r.Header("Idempotency-Key") ?? "(none)")];

    private static bool IsStatus(FakeMastodonRequest request) => request.Method == "POST" && request.Path == "/api/v1/statuses";

    private static bool IsAnnouncement(OutboxEntry row) => row.IdempotencyKey.StartsWith("announce:slug:quiet-courage:", StringComparison.Ordinal);

    private static bool IsDiscord(OutboxEntry row) => TargetKey.Parse(row.Target).Kind == TargetKind.Discord;

    private static Dictionary<string, List<OutboxEntry>> SlotsByAccount(IReadOnlyList<OutboxEntry> rows) =>
        Accounts.ToDictionary(a => a, a => rows.Where(r => r.Target == TargetKey.Mastodon(a).ToString() && r.IdempotencyKey.StartsWith("epigraph:", StringComparison.Ordinal)).ToList());

    private static bool IsNewestSlot(IReadOnlyList<OutboxEntry> rows, OutboxEntry row) =>
        SlotsByAccount(rows).Values.Any(slots => slots.Contains(row) && slots.All(other => SlotTime(other.IdempotencyKey) <= SlotTime(row.IdempotencyKey)));

    /// <summary>Every slot of the 5-second schedule has one row, delivered; with <paramref name="gapless"/>, no slot between the first and the last is missing.</summary>
    private static void AssertSlotsOnce(IReadOnlyList<OutboxEntry> rows, bool gapless)
    {
        foreach (var (account, slots) in SlotsByAccount(rows))
        {
            var times = slots.Select(r => SlotTime(r.IdempotencyKey)).ToList();
            Assert.Equal(times.Count, times.Distinct().Count());
            Assert.All(times, t => Assert.Equal(0, t.Second % 5));
            if (gapless && times.Count > 1)
            {
                var span = times.Max() - times.Min();
                Assert.True(times.Count == (int)(span.TotalSeconds / 5) + 1, $"account {account}: slots {string.Join(", ", times.Order().Select(t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))} have a gap");
            }
        }
    }

    // The key ends with the slot's UTC time to the second (yyyyMMddHHmmss) or, on the minute, to the minute.
    private static DateTime SlotTime(string key)
    {
        var stamp = key[(key.LastIndexOf(':') + 1)..];
        return DateTime.ParseExact(stamp, stamp.Length == 14 ? "yyyyMMddHHmmss" : "yyyyMMddHHmm", CultureInfo.InvariantCulture);
    }
}
