using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NSec.Cryptography;

namespace CommunityBot.Benchmarks;

/// <summary>
/// Discord's HTTP interactions: signed /quote POSTs at a fixed rate (open loop) to an HTTP-only bot
/// (<c>Discord:Gateway=false</c>), timed from the moment each was due to its HTTP response.
/// </summary>
internal static class HttpInteractionBenchmark
{
    private const ulong FirstId = 2_000_000_000_000_000_000UL;

    public static async Task<int> RunAsync(HttpInteractionOptions options, string repository, string botDll)
    {
        using var runLimit = new CancellationTokenSource(TimeSpan.FromSeconds(120 + options.Seconds + options.WarmupSeconds));
        var cancellationToken = runLimit.Token;
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("communitybot-bench-http-");
        await using var fake = await FakeDiscordServer.StartAsync(cancellationToken);
        using var bot = BotProcess.Start(botDll, fake.ApiBaseUrl, Path.Combine(repository, "data", "essays"), options.BotLog, new Dictionary<string, string>
        {
            ["Discord__Gateway"] = "false",
            ["Discord__PublicKey"] = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Http__Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "bot.db")}",
        });
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        try
        {
            await WaitForHealthAsync(client, cancellationToken);
            var next = FirstId;
            if (options.WarmupSeconds > 0)
            {
                await RunPhaseAsync("warmup", client, key, options.Rate, options.WarmupSeconds, () => next++, bot, cancellationToken);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var result = await RunPhaseAsync($"http rate {options.Rate}/s", client, key, options.Rate, options.Seconds, () => next++, bot, cancellationToken);
            var status = bot.Status();
            System.Console.WriteLine($"{result} · resident {status.ResidentKb / 1024.0:F1} MB, peak {status.PeakResidentKb / 1024.0:F1} MB, {status.Threads} threads");
            return result.Failed == 0 ? 0 : 1;
        }
        finally
        {
            bot.Stop(TimeSpan.FromSeconds(3));
            folder.Delete(recursive: true);
        }
    }

    private static async Task<HttpPhaseResult> RunPhaseAsync(string name, HttpClient client, Key key, double rate, double seconds, Func<ulong> nextId,
        BotProcess bot, CancellationToken cancellationToken)
    {
        var total = (int)(rate * seconds);
        // Signed before the clock starts: the harness's own Ed25519 work would otherwise delay the sends it times.
        var requests = Enumerable.Range(0, total).Select(_ => Sign(key, GatewayFrames.InteractionBody(nextId()))).ToArray();
        var latencies = new long[total];
        var failed = 0;
        var inWindow = 0;
        var cpuBefore = bot.Status().CpuSeconds;
        var start = Stopwatch.GetTimestamp();
        var windowEnd = start + (long)(seconds * Stopwatch.Frequency);
        var ticksPerSend = Stopwatch.Frequency / rate;
        var sends = new Task[total];
        await Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
            {
                var intendedAt = start + (long)(i * ticksPerSend);
                while (Stopwatch.GetTimestamp() < intendedAt)
                {
                    Thread.Sleep(1);
                }
                var index = i;
                sends[i] = Task.Run(async () =>
                {
                    if (await SendAsync(client, requests[index], cancellationToken))
                    {
                        var now = Stopwatch.GetTimestamp();
                        latencies[index] = now - intendedAt;
                        if (now <= windowEnd)
                        {
                            Interlocked.Increment(ref inWindow);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        latencies[index] = -1;
                    }
                }, cancellationToken);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.WhenAll(sends.Where(s => s is not null));
        var cpu = bot.Status().CpuSeconds - cpuBefore;
        var sorted = latencies.Where(l => l >= 0).Order().ToArray();
        return new HttpPhaseResult(name, total, sorted.Length, failed, inWindow / seconds,
            Milliseconds(Percentile(sorted, 0.50)), Milliseconds(Percentile(sorted, 0.99)), Milliseconds(sorted.Length == 0 ? 0 : sorted[^1]), cpu);
    }

    private static async Task<bool> SendAsync(HttpClient client, (string Body, string Timestamp, string Signature) request, CancellationToken cancellationToken)
    {
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/interactions", UriKind.Relative))
            {
                Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
            };
            message.Headers.Add("X-Signature-Timestamp", request.Timestamp);
            message.Headers.Add("X-Signature-Ed25519", request.Signature);
            using var response = await client.SendAsync(message, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK && text.StartsWith("{\"type\":4,", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static (string Body, string Timestamp, string Signature) Sign(Key key, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        return (body, timestamp, Convert.ToHexStringLower(signature));
    }

    private static async Task WaitForHealthAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException("the bot's /healthz did not answer within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Milliseconds(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 2);

    private static long Percentile(long[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
