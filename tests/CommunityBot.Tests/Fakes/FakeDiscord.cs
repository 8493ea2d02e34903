namespace CommunityBot.Tests.Fakes;

/// <summary>
/// Discord for the whole bot: the loopback REST fake, which also serves <c>GET /gateway/bot</c> pointed at the loopback
/// gateway fake. REST answers come from <see cref="Respond"/>; tests wait for the requests they expect with <see cref="NextAsync"/>.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly List<(Func<FakeDiscordRestRequest, bool> Match, TaskCompletionSource<FakeDiscordRestRequest> Seen)> _waiters = [];

    private FakeDiscord(FakeDiscordRest rest, FakeDiscordGateway gateway)
    {
        Rest = rest;
        Gateway = gateway;
        Respond = DefaultResponse;
        rest.Default = request =>
        {
            var response = Respond(request);
            Notify(request);
            return response;
        };
    }

    public FakeDiscordRest Rest { get; }

    public FakeDiscordGateway Gateway { get; }

    /// <summary>What <c>GET .../commands</c> answers: the commands Discord has registered.</summary>
    public string RegisteredCommands { get; set; } = "[]";

    public Func<FakeDiscordRestRequest, FakeDiscordRestResponse> Respond { get; set; }

    public static async Task<FakeDiscord> StartAsync(TimeProvider time) =>
        new(await FakeDiscordRest.StartAsync(), await FakeDiscordGateway.StartAsync(time));

    /// <summary>The first request, past or future, that <paramref name="match"/> accepts.</summary>
    public Task<FakeDiscordRestRequest> NextAsync(Func<FakeDiscordRestRequest, bool> match)
    {
        lock (_waiters)
        {
            if (Rest.Requests.FirstOrDefault(match) is { } seen)
                return Task.FromResult(seen);
            var waiter = new TaskCompletionSource<FakeDiscordRestRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task.WaitAsync(Timeout);
        }
    }

    public Task<FakeDiscordRestRequest> NextCallbackAsync() =>
        NextAsync(r => r.Method == "POST" && r.Path.EndsWith("/callback", StringComparison.Ordinal));

    public FakeDiscordRestResponse DefaultResponse(FakeDiscordRestRequest request) => (request.Method, request.Path) switch
    {
        ("GET", var path) when path.EndsWith("/gateway/bot", StringComparison.Ordinal) => GatewayBot(),
        ("GET", var path) when path.EndsWith("/commands", StringComparison.Ordinal) => FakeDiscordRestResponse.Json(RegisteredCommands),
        ("PUT", var path) when path.EndsWith("/commands", StringComparison.Ordinal) => FakeDiscordRestResponse.Json(request.Body),
        ("POST", var path) when path.EndsWith("/callback", StringComparison.Ordinal) => FakeDiscordRestResponse.NoContent(),
        _ => FakeDiscordRestResponse.Fixture("message.json"),
    };

    public async ValueTask DisposeAsync()
    {
        await Rest.DisposeAsync();
        await Gateway.DisposeAsync();
    }

    private FakeDiscordRestResponse GatewayBot()
    {
        var bot = FakeDiscordGatewayConnection.Fixture("gateway-bot.json");
        bot["url"] = Gateway.Url.ToString();
        bot["shards"] = 1;
        return FakeDiscordRestResponse.Json(bot.ToJsonString());
    }

    private void Notify(FakeDiscordRestRequest request)
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(request)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(request);
            }
        }
    }
}
