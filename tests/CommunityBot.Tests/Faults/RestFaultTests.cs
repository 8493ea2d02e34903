using System.Collections.Concurrent;
using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Storage;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Fakes;
using Xunit.Abstractions;

namespace CommunityBot.Tests.Faults;

/// <summary>
/// The delivery worker and the real Discord client, with the client's default retries, against a Discord that answers about
/// one request in ten with a fault: a 429 of each scope, a 500, a 502, or no answer at all (before or after creating the
/// message). Every row must end delivered, each as exactly one message, and each channel's messages in the order written.
/// </summary>
public sealed class RestFaultTests(ITestOutputHelper output)
{
    private const int Targets = 10;
    private const int RowsPerTarget = 10;

    private static readonly string[] Kinds = ["429 user", "429 global", "429 shared", "500", "502", "hang", "hang after create"];

    /// <param name="clientRetries">3, the default, absorbs most faults in the client; 0 leaves every one to the worker's retries.</param>
    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public async Task TenPercentFaults_EveryRowDeliveredOnce_InOrderPerChannel(int clientRetries)
    {
        await using var harness = await DeliveryHarness.StartAsync(o => o.MaxRetries = clientRetries);
        var created = new ConcurrentQueue<(string Channel, string Nonce)>();
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var faults = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(7);
        var requests = 0;
        var injected = 0;
        var never = new TaskCompletionSource().Task;
        var answer = harness.Rest.Server.Default;
        FakeDiscordRestResponse Create(FakeDiscordRestRequest request)
        {
            var nonce = JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()!;
            if (seen.TryAdd(nonce, true))
            {
                created.Enqueue((request.Path.Split('/')[^2], nonce));
            }
            return answer(request).WithBucket("messages", 5, 4, 1);
        }
        harness.Rest.Server.Default = request =>
        {
            int draw;
            lock (random)
            {
                draw = random.Next(100);
            }
            Interlocked.Increment(ref requests);
            if (draw >= 10)
            {
                return Create(request);
            }
            // Kinds take turns, so that each is injected whatever order the targets' requests arrive in.
            var kind = Kinds[Interlocked.Increment(ref injected) % Kinds.Length];
            faults.AddOrUpdate(kind, 1, (_, count) => count + 1);
            return kind switch
            {
                "429 user" => RateLimited("rate-limit-user.json", "user"),
                "429 global" => RateLimited("rate-limit-global.json", "global"),
                "429 shared" => RateLimited("rate-limit-shared.json", "shared"),
                "500" => FakeDiscordRestResponse.Error(500, 0, "Internal Server Error"),
                "502" => new FakeDiscordRestResponse(502, "<html>Bad Gateway</html>"),
                "hang" => new FakeDiscordRestResponse(200) { Hang = true },
                _ => Create(request) with { HoldUntil = never },
            };
        };
        for (var row = 0; row < RowsPerTarget; row++)
        {
            for (var target = 0; target < Targets; target++)
            {
                await harness.Outbox.EnqueueAsync(TargetKey.Discord(1, (ulong)(100 + target)).ToString(), "epigraph",
                    $$$"""{"content":"post {{{row}}}","allowed_mentions":{"parse":[]}}""", $"row:{target}:{row}");
            }
        }

        await harness.StartWorkerAsync();
        var rows = await harness.AdvanceUntilAsync(r => r.All(e => e.Status == OutboxStatus.Delivered), maxSeconds: 3000);

        output.WriteLine($"{requests} requests; faults: {string.Join(", ", faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} ×{f.Value}"))}; " +
            $"rows retried by the worker: {rows.Count(r => r.Attempts > 1)}; fake time {harness.Rest.Time.GetUtcNow() - harness.Rest.Time.Start}");
        Assert.Equal(Targets * RowsPerTarget, rows.Count);
        Assert.All(Kinds, kind => Assert.True(faults.GetValueOrDefault(kind) > 0, $"no '{kind}' was injected"));
        Assert.InRange(faults.Values.Sum(), requests / 20, requests / 5);

        Assert.Equal(rows.Count, harness.MessagesCreated);
        Assert.Equal(
            rows.Select(r => DiscordDeliveryChannel.Nonce(r.IdempotencyKey)).Order(StringComparer.Ordinal),
            created.Select(c => c.Nonce).Order(StringComparer.Ordinal));
        foreach (var target in rows.GroupBy(r => r.Target))
        {
            var channel = target.Key.Split(':')[2];
            Assert.Equal(
                target.OrderBy(r => r.Id).Select(r => DiscordDeliveryChannel.Nonce(r.IdempotencyKey)),
                created.Where(c => c.Channel == channel).Select(c => c.Nonce));
        }
    }

    private static FakeDiscordRestResponse RateLimited(string fixture, string scope) =>
        FakeDiscordRestResponse.Fixture(fixture, 429).With(new Dictionary<string, string>
        {
            ["X-RateLimit-Scope"] = scope,
            ["Retry-After"] = "1",
        }).WithBucket("messages", 5, 0, 1);
}
