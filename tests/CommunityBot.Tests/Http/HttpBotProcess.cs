using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Http;

/// <summary>The built bot with its HTTP listener on a loopback port, talking to <see cref="FakeDiscord"/>.</summary>
public sealed class HttpBotProcess : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private HttpBotProcess(Process process, DirectoryInfo folder, Uri url)
    {
        _process = process;
        _folder = folder;
        Client = new HttpClient { BaseAddress = url, Timeout = Timeout };
        _ = PumpAsync(process.StandardOutput, Output);
        _ = PumpAsync(process.StandardError, Output);
    }

    public HttpClient Client { get; }

    public RecordingWriter Output { get; } = new();

    public string DatabasePath => Path.Combine(_folder.FullName, "bot.db");

    /// <summary>Starts the bot and waits until /healthz answers.</summary>
    public static async Task<HttpBotProcess> StartAsync(FakeDiscord discord, InteractionSigner signer, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("communitybot-http-");
        var url = FreePort.NextUrl();
        var environment = new Dictionary<string, string>
        {
            ["Discord__Token"] = DiscordBotHost.Token,
            ["Discord__ApplicationId"] = DiscordBotHost.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord__ApiBaseUrl"] = discord.Rest.BaseUrl.ToString(),
            ["Discord__PublicKey"] = signer.PublicKeyHex,
            ["Http__Urls"] = url.ToString(),
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "bot.db")}",
            ["Content__Path"] = RepositoryPaths.SeedEssays,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var bot = new HttpBotProcess(BotProcess.Start([], environment), folder, url);
        await bot.UntilAsync(async () => (await bot.TryGetAsync("/healthz")) == HttpStatusCode.OK, "/healthz answered 200");
        return bot;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public async Task<string> MetricsAsync() => await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    /// <summary>POSTs an interaction with the given signature headers (none when null).</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostInteractionAsync(string body, (string Timestamp, string Signature)? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/interactions", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is { } signed)
        {
            request.Headers.Add("X-Signature-Timestamp", signed.Timestamp);
            request.Headers.Add("X-Signature-Ed25519", signed.Signature);
        }
        using var response = await Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits for a condition on the running process, which is on its own clock; fails after <see cref="Timeout"/>.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.False(_process.HasExited, $"the bot exited before {what}:\n{Output.Text}");
            Assert.True(DateTime.UtcNow < deadline, $"not within {Timeout}: {what}\n{Output.Text}");
            await Task.Delay(50);
        }
    }

    /// <summary>The value of one sample of a scrape, e.g. <c>communitybot_interactions_total</c> with its labels; 0 when absent.</summary>
    public static double Sample(string scrape, string name, params string[] labels) => scrape.Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
        .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
        .Sum();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task<HttpStatusCode?> TryGetAsync(string path)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task PumpAsync(StreamReader reader, RecordingWriter output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await output.WriteLineAsync(line);
        }
    }
}
