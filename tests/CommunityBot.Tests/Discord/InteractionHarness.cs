using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Discord;
using CommunityBot.Tests.Clients.Discord.Gateway;
using CommunityBot.Tests.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Discord;

/// <summary>An <see cref="InteractionHandler"/> over the real REST client, against the loopback REST fake, on fake time.</summary>
public sealed class InteractionHarness : IAsyncDisposable
{
    private readonly DiscordRestHarness _rest;
    private readonly ILoggerFactory _logging;

    private InteractionHarness(DiscordRestHarness rest, string essays, IRandomSource random)
    {
        _rest = rest;
        var options = Options.Create(new ContentOptions { Path = essays });
        Content = new ContentStore(options, NullLogger<ContentStore>.Instance);
        Commands = new CommandCore(Content, random, options);
        _logging = LoggerFactory.Create(builder => builder.AddProvider(new TestLoggerProvider(Logger)));
        Handler = new InteractionHandler(rest.Client, new InteractionResponder(rest.Client, rest.Time, _logging.CreateLogger<InteractionResponder>()), Commands, Content);
        rest.Server.Default = request => request.Path.EndsWith("/callback", StringComparison.Ordinal)
            ? FakeDiscordRestResponse.NoContent()
            : FakeDiscordRestResponse.Fixture("message.json");
    }

    public FakeDiscordRest Server => _rest.Server;

    public TimerWatchingTimeProvider Time => _rest.Time;

    public GatewayTestLogger Logger { get; } = new();

    public ContentStore Content { get; }

    public CommandCore Commands { get; }

    public InteractionHandler Handler { get; }

    public static async Task<InteractionHarness> StartAsync(string? essays = null, IRandomSource? random = null) =>
        new(await DiscordRestHarness.StartAsync(options => options.MaxRetries = 0), essays ?? RepositoryPaths.SeedEssays, random ?? new FirstRandomSource());

    /// <summary>Handles the interaction and returns the requests it made.</summary>
    public async Task<IReadOnlyList<FakeDiscordRestRequest>> HandleAsync(JsonInteraction interaction)
    {
        var before = Server.Requests.Count;
        await Handler.HandleAsync(interaction, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return [.. Server.Requests.Skip(before)];
    }

    public ValueTask DisposeAsync()
    {
        _logging.Dispose();
        return _rest.DisposeAsync();
    }
}
