using System.Diagnostics;
using System.Text.Json;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Delivery;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Mastodon;

/// <summary>
/// The built program against the fake Mastodon: a mention sent over the stream gets its reply within seconds, and a
/// reply longer than the instance allows goes out as one chain of numbered statuses.
/// </summary>
public sealed class MentionStreamProcessTests
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task RealProgram_AnswersAMentionThroughTheStream_WithinTwoSeconds()
    {
        await using var server = await FakeMastodonServer.StartAsync(TimeProvider.System);
        await WithCaughtUpBotAsync(server, async () =>
        {
            // The catch-up poll after connecting has set the baseline; the stream's mentions follow on from it.
            var polls = server.Requests.Count(r => r.Path == "/api/v1/notifications");
            var clock = Stopwatch.StartNew();
            await server.Streaming.SendNotificationAsync(MentionNotifications.Mention(18, "reader@social.example", "quote camus"));

            await WaitForAsync(() => server.Requests.Any(r => r.Method == "POST" && r.Path == "/api/v1/statuses"), TimeSpan.FromSeconds(10));
            var answeredIn = clock.Elapsed;

            Assert.True(answeredIn < AnswerWithin, $"answered in {answeredIn}");
            var reply = Assert.Single(server.Requests, r => r.Method == "POST");
            Assert.Contains("@reader@social.example", reply.Body, StringComparison.Ordinal);
            Assert.Contains("Camus", reply.Body, StringComparison.Ordinal);
            Assert.Equal("reply:main:18", reply.Header("Idempotency-Key"));
            // Through the stream: no poll read it.
            Assert.Equal(polls, server.Requests.Count(r => r.Path == "/api/v1/notifications"));
        });
    }

    [Fact]
    public async Task RealProgram_AReplyOverTheInstancesBudget_ArrivesAsOneNumberedChain_EachPartOnce()
    {
        const int budget = 200;
        const string key = "reply:main:19";
        await using var server = await FakeMastodonServer.StartAsync(TimeProvider.System);
        server.MaxCharacters = budget;
        await WithCaughtUpBotAsync(server, async () =>
        {
            var mention = MentionNotifications.Mention(19, "reader@social.example", "epigraph imperial-boomerang");
            await server.Streaming.SendNotificationAsync(mention);

            // The chain is whole once its last part ("3/3") has arrived.
            await WaitForAsync(() => server.StatusesCreated is { Count: > 1 } made && made[^1].Body.Contains($" {made.Count}/{made.Count} ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

            var created = server.StatusesCreated;
            Assert.InRange(created.Count, 2, 5);
            var keys = created.Select(r => r.Header("Idempotency-Key")!).ToList();
            Assert.Equal([key, .. Enumerable.Range(2, created.Count - 1).Select(n => OutboxStep.Key(key, n, created.Count))], keys);
            // Each part was sent once: no retry, no second attempt under another key.
            var posts = server.Requests.Where(r => r.Method == "POST").ToList();
            Assert.Equal(keys, posts.Select(r => r.Header("Idempotency-Key")!));

            var bodies = created.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.Equal(mention["status"]!["id"]!.GetValue<string>(), bodies[0].GetProperty("in_reply_to_id").GetString());
            for (var i = 1; i < bodies.Count; i++)
            {
                Assert.Equal(server.StatusIdOf(keys[i - 1]), bodies[i].GetProperty("in_reply_to_id").GetString());
            }
            Assert.Single(bodies.Select(b => b.GetProperty("visibility").GetString()).Distinct());
            var texts = bodies.Select(b => b.GetProperty("status").GetString()!).ToList();
            Assert.All(texts, t => Assert.InRange(MastodonTextCounter.Count(t, null), 1, budget));
            // Each part addressed to the asker alone, then numbered.
            var heading = $"@reader@social.example {texts.Count}/{texts.Count} ".Length;
            Assert.Equal(Enumerable.Range(1, texts.Count).Select(n => $"@reader@social.example {n}/{texts.Count} "), texts.Select(t => t[..heading]));
            // The essay's words, none lost at the cuts: its epigraph runs across the parts.
            var joined = string.Join(' ', texts.Select(t => t[heading..]));
            Assert.Contains("A civilization that proves incapable of solving the problems it creates is a decadent society", joined, StringComparison.Ordinal);
            Assert.Contains("is a dying civilization.", joined, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> against the built bot on a new database once its stream is open and the poll after
    /// it has caught up; then kills the bot, whose output must never show the token.
    /// </summary>
    private static async Task WithCaughtUpBotAsync(FakeMastodonServer server, Func<Task> test)
    {
        await using var db = await TestDatabase.CreateAsync();
        using var bot = Start(server, db);
        var output = bot.StandardOutput.ReadToEndAsync();
        var errors = bot.StandardError.ReadToEndAsync();
        try
        {
            await WaitForAsync(() => server.Streaming.OpenCount == 1 && CaughtUp(server.Requests), TimeSpan.FromSeconds(60));
            await test();
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            Assert.DoesNotContain(FakeMastodonServer.AccessToken, await output + await errors, StringComparison.Ordinal);
        }
    }

    private static Process Start(FakeMastodonServer server, TestDatabase db) => BotProcess.Start([], new Dictionary<string, string>
    {
        ["Content__Path"] = RepositoryPaths.SeedEssays,
        ["Storage__ConnectionString"] = db.Options.ConnectionString,
        ["Mastodon__Accounts__0__Name"] = "main",
        ["Mastodon__Accounts__0__Instance"] = server.BaseUri.ToString(),
        ["Mastodon__Accounts__0__AccessToken"] = FakeMastodonServer.AccessToken,
        // No scheduled post may land in the middle of the test.
        ["Schedule__Epigraph__Cron"] = "0 0 0 1 1 ? 2099",
    });

    // The poll that follows the stream's opening has reached its last page: on a new database it first reads the
    // newest mentions, then asks from that cursor (min_id) whether anything is newer (the requests are recorded in order).
    private static bool CaughtUp(IReadOnlyList<FakeMastodonRequest> requests) =>
        requests.ToList().FindLastIndex(r => r.Path == "/api/v1/notifications" && r.Query.ContainsKey("min_id"))
            > requests.ToList().FindIndex(r => r.Path == "/api/v1/streaming");

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
