using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Clients.Discord.Rest;

// The real DI registration pointed at a loopback fake, with fake time.
public sealed class DiscordRestHarness : IAsyncDisposable
{
    // Distinct from every rate-limit and backoff wait, so tests can tell the attempt timeout's timer apart.
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    private DiscordRestHarness(FakeDiscordRest server, TimerWatchingTimeProvider time, ServiceProvider services)
    {
        Server = server;
        Time = time;
        _services = services;
    }

    public FakeDiscordRest Server { get; }
    public TimerWatchingTimeProvider Time { get; }
    public DiscordRestClient Client => _services.GetRequiredService<DiscordRestClient>();
    internal DiscordRateLimiter Limiter => _services.GetRequiredService<DiscordRateLimiter>();

    public static async Task<DiscordRestHarness> StartAsync(Action<DiscordRestOptions>? configure = null)
    {
        var server = await FakeDiscordRest.StartAsync();
        var services = new ServiceCollection();
        var time = new TimerWatchingTimeProvider();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(time);
        services.AddDiscordRest(options =>
        {
            options.Token = "test-token";
            options.ApiBaseUrl = server.BaseUrl;
            options.RequestTimeout = RequestTimeout;
            configure?.Invoke(options);
        });
        return new DiscordRestHarness(server, time, services.BuildServiceProvider(validateScopes: true));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
