using System.Diagnostics;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Mastodon;

/// <summary>The built program against the fake Mastodon: a mention sent over the stream gets its reply within seconds.</summary>
public sealed class MentionStreamProcessTests
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task RealProgram_AnswersAMentionThroughTheStream_WithinTwoSeconds()
    {
        await using var server = await FakeMastodonServer.StartAsync(TimeProvider.System);
        await using var db = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["Content__Path"] = RepositoryPaths.SeedEssays,
            ["Storage__ConnectionString"] = db.Options.ConnectionString,
            ["Mastodon__Accounts__0__Name"] = "main",
            ["Mastodon__Accounts__0__Instance"] = server.BaseUri.ToString(),
            ["Mastodon__Accounts__0__AccessToken"] = FakeMastodonServer.AccessToken,
            // No scheduled post may land in the middle of the test.
            ["Schedule__Epigraph__Cron"] = "0 0 0 1 1 ? 2099",
        };
        using var bot = BotProcess.Start([], environment);
        var output = bot.StandardOutput.ReadToEndAsync();
        var errors = bot.StandardError.ReadToEndAsync();
        try
        {
            await WaitForAsync(() => server.Streaming.OpenCount == 1 && CaughtUp(server.Requests), TimeSpan.FromSeconds(60));
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
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            Assert.DoesNotContain(FakeMastodonServer.AccessToken, await output + await errors, StringComparison.Ordinal);
        }
    }

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
