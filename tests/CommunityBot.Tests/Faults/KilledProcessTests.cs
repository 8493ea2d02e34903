using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Storage;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Faults;

/// <summary>
/// The built bot in Discord mode against the loopback fake, with a fan-out already in its outbox, killed (not stopped) once a
/// third of the messages exist and while more are being created, then started again on the same database.
/// </summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class KilledProcessTests
{
    private const int Channels = 10;
    private const int RowsPerChannel = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task KilledMidFanOut_Restarted_EveryRowCreatedOnce_NothingLost()
    {
        await using var db = await TestDatabase.CreateAsync();
        var outbox = new OutboxRepository(db.Database, TimeProvider.System);
        for (var row = 0; row < RowsPerChannel; row++)
        {
            for (var channel = 0; channel < Channels; channel++)
            {
                await outbox.EnqueueAsync(TargetKey.Discord(1, (ulong)(500 + channel)).ToString(), "epigraph",
                    $$$"""{"content":"post {{{row}}}","allowed_mentions":{"parse":[]}}""", $"fan-out:{channel}:{row}");
            }
        }
        var rows = await outbox.AllAsync();

        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        var created = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var posts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashed = new TaskCompletionSource();
        var answersHeld = true;
        discord.Respond = request =>
        {
            if (!(request.Method == "POST" && request.Path.EndsWith("/messages", StringComparison.Ordinal)))
            {
                return discord.DefaultResponse(request);
            }
            var nonce = JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()!;
            posts.AddOrUpdate(nonce, 1, (_, n) => n + 1);
            var id = created.GetOrAdd(nonce, _ => 2000 + created.Count);
            var response = FakeDiscordRestResponse.Json($$"""{"id": "{{id}}", "channel_id": "{{request.Path.Split('/')[^2]}}", "content": "", "nonce": "{{nonce}}"}""");
            if (Volatile.Read(ref answersHeld) && created.Count >= rows.Count / 3)
            {
                // Created, but the answer never leaves before the crash: the restarted bot must not post these again.
                third.TrySetResult();
                return response with { HoldUntil = crashed.Task };
            }
            return response;
        };

        using (var first = Start(discord, db))
        {
            await third.Task.WaitAsync(Timeout);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync().WaitAsync(Timeout);
        }
        var createdBeforeRestart = created.Count;
        Volatile.Write(ref answersHeld, false);
        crashed.SetResult();
        var afterCrash = await outbox.AllAsync();

        using var second = Start(discord, db);
        try
        {
            var deadline = DateTime.UtcNow + Timeout;
            while ((await outbox.AllAsync()).Any(r => r.Status != OutboxStatus.Delivered))
            {
                Assert.True(DateTime.UtcNow < deadline, "the restarted bot did not deliver the rest of the fan-out");
                await Task.Delay(50);
            }
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync().WaitAsync(Timeout);
        }

        Assert.InRange(createdBeforeRestart, rows.Count / 3, rows.Count - 1);
        Assert.Contains(afterCrash, r => r.Status == OutboxStatus.Pending);
        var nonces = rows.Select(r => DiscordDeliveryChannel.Nonce(r.IdempotencyKey)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(nonces.Order(StringComparer.Ordinal), created.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(rows.Count, created.Count);
        Assert.Contains(posts, p => p.Value > 1);
    }

    private static Process Start(FakeDiscord discord, TestDatabase db)
    {
        var process = BotProcess.Start([], new Dictionary<string, string>
        {
            ["Discord__Token"] = DiscordBotHost.Token,
            ["Discord__ApplicationId"] = DiscordBotHost.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord__ApiBaseUrl"] = discord.Rest.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = db.Options.ConnectionString,
            ["Content__Path"] = RepositoryPaths.SeedEssays,
        });
        // Drained so that a full pipe never blocks the bot.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
