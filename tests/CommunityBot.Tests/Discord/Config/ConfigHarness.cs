using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Discord;
using CommunityBot.Discord.Config;
using CommunityBot.History;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using CommunityBot.Tests.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CommunityBot.Tests.Discord.Config;

// /config end to end: the real handler and repositories on a real SQLite file, Discord's REST on loopback,
// the scheduler and poster mocked (they are another part's).
public sealed class ConfigHarness : IAsyncDisposable
{
    public const ulong GuildId = 290926798626357999;
    public const ulong ChannelId = 645027906669510667;
    public const ulong OtherChannelId = 645027906669510668;
    public const ulong BotId = 80351110224678912;
    public const ulong BotRoleId = 41771983423143936;
    public const ulong ReadersRoleId = 41771983423143999;
    public const ulong InteractionId = 786008729715212338;
    public const string ManageGuild = "32";
    public const string Administrator = "8";

    private readonly DiscordRestHarness _rest;
    private readonly TestDatabase _database;

    private ConfigHarness(DiscordRestHarness rest, TestDatabase database)
    {
        _rest = rest;
        _database = database;
        Settings = new GuildSettingsRepository(database.Database, Time);
        Outbox = new OutboxRepository(database.Database, Time);
        Health = new TargetHealthRepository(database.Database, Time);
        Scheduler.Setup(s => s.NextFireAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(NextFire);
        var configurator = new GuildConfigurator(new BotChannelAccess(rest.Client), Settings, Outbox, Health, Scheduler.Object, Poster.Object,
            Microsoft.Extensions.Options.Options.Create(new ScheduleOptions()), Microsoft.Extensions.Options.Options.Create(new global::CommunityBot.Cards.CardOptions()), Time);
        var history = new DeliveryHistory(Outbox, Health, Settings, [], Microsoft.Extensions.Options.Options.Create(new ScheduleOptions()), Time, NullLogger<DeliveryHistory>.Instance);
        var contentOptions = Microsoft.Extensions.Options.Options.Create(new ContentOptions { Path = RepositoryPaths.SeedEssays });
        var content = new ContentStore(contentOptions, NullLogger<ContentStore>.Instance);
        Handler = new InteractionHandler(rest.Client, new InteractionResponder(rest.Client, Time, NullLogger<InteractionResponder>.Instance),
            new CommandCore(content, new FirstRandomSource(), contentOptions), content, new ConfigCommandHandler(configurator, new ConfigHistoryRenderer(history)));
        GuildRemoved = new GuildRemovedHandler(Settings, Scheduler.Object, NullLogger<GuildRemovedHandler>.Instance);
        rest.Server.Default = Answer;
    }

    /// <summary>What the mocked scheduler says the next fire time is: 2030-03-04 08:30 UTC.</summary>
    public static DateTimeOffset NextFire { get; } = new(2030, 3, 4, 8, 30, 0, TimeSpan.Zero);

    public TimerWatchingTimeProvider Time => _rest.Time;
    public GuildSettingsRepository Settings { get; }
    public BotDatabase Database => _database.Database;
    public OutboxRepository Outbox { get; }
    public TargetHealthRepository Health { get; }
    public Mock<IEpigraphScheduler> Scheduler { get; } = new(MockBehavior.Strict);
    public Mock<IEpigraphPoster> Poster { get; } = new(MockBehavior.Strict);
    /// <summary>The interaction handler with /config, as the bot has it.</summary>
    public InteractionHandler Handler { get; }
    public GuildRemovedHandler GuildRemoved { get; }
    public FakeDiscordRest Server => _rest.Server;

    /// <summary>The overwrites of each channel the fake Discord knows, as JSON arrays; unknown channels answer 404.</summary>
    public Dictionary<ulong, string> Channels { get; } = new() { [ChannelId] = "[]", [OtherChannelId] = "[]" };

    public static async Task<ConfigHarness> StartAsync()
    {
        var rest = await DiscordRestHarness.StartAsync();
        return new ConfigHarness(rest, await TestDatabase.CreateAsync());
    }

    public static string Target(ulong channelId) => $"discord:{GuildId}:{channelId}";

    /// <summary>A /config interaction shaped like Discord's, with the given subcommand, options and member permissions.</summary>
    public static JsonInteraction Interaction(string subcommand, string permissions = ManageGuild, params (string Name, int Type, string Value)[] options) =>
        InteractionJson(subcommand, permissions, options).Deserialize(DiscordJsonContext.Default.JsonInteraction)!;

    /// <summary>The same interaction as JSON, as Discord sends it in an INTERACTION_CREATE dispatch.</summary>
    public static JsonNode InteractionJson(string subcommand, string permissions = ManageGuild, params (string Name, int Type, string Value)[] options)
    {
        var json = JsonNode.Parse(ReadFixture("interaction-config-epigraphs.json"))!;
        json["member"]!["permissions"] = permissions;
        json["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["name"] = subcommand,
            // Discord sends a boolean option's value as a JSON boolean, every other kind here as a string.
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
            {
                ["type"] = o.Type,
                ["name"] = o.Name,
                ["value"] = o.Type == JsonApplicationCommandOption.BooleanType ? JsonValue.Create(bool.Parse(o.Value)) : JsonValue.Create(o.Value),
            })]),
        });
        return json;
    }

    public static JsonInteraction Epigraphs(ulong channelId, string? time = null, string? cron = null, string? zone = null, string permissions = ManageGuild) =>
        Interaction(ConfigCommand.Epigraphs, permissions, [.. new (string, int, string?)[]
        {
            ("channel", 7, channelId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("time", 3, time), ("cron", 3, cron), ("timezone", 3, zone),
        }.Where(o => o.Item3 is not null).Select(o => (o.Item1, o.Item2, o.Item3!))]);

    /// <summary>Runs one interaction and returns the data of the reply Discord received.</summary>
    public async Task<JsonElement> RunAsync(JsonInteraction interaction)
    {
        var before = Server.Requests.Count;
        await Handler.HandleAsync(interaction, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var callback = Server.Requests.Skip(before).Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(callback.Body);
        return body.RootElement.GetProperty("data").Clone();
    }

    public static string TextOf(JsonElement reply) => reply.GetProperty("content").GetString()!;

    public async ValueTask DisposeAsync()
    {
        await _rest.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string ReadFixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-config", name));

    private static FakeDiscordRestResponse Fixture(string name) => FakeDiscordRestResponse.Json(ReadFixture(name));

    private FakeDiscordRestResponse Answer(FakeDiscordRestRequest request) => Answer(request, Channels);

    /// <summary>
    /// Discord's answers to what /config reads (the bot, its guild, roles and member, the <paramref name="channels"/>
    /// with their overwrites) and to an interaction's reply; anything else is an unknown channel.
    /// </summary>
    public static FakeDiscordRestResponse Answer(FakeDiscordRestRequest request, IReadOnlyDictionary<ulong, string> channels)
    {
        var path = request.Path.Replace("/api/v10/", "", StringComparison.Ordinal);
        var parts = path.Split('/');
        return parts switch
        {
            ["users", "@me"] => Fixture("current-user.json"),
            ["guilds", _] => Fixture("guild.json"),
            ["guilds", _, "members", var user] when user == BotId.ToString(System.Globalization.CultureInfo.InvariantCulture) =>
                FakeDiscordRestResponse.Fixture("guild-member.json"),
            ["channels", var id] when channels.TryGetValue(ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture), out var overwrites) =>
                FakeDiscordRestResponse.Json($$"""{"id": "{{id}}", "guild_id": "{{GuildId}}", "name": "epigraphs", "type": 0, "position": 6, "permission_overwrites": {{overwrites}}}"""),
            ["interactions", _, _, "callback"] => FakeDiscordRestResponse.NoContent(),
            ["webhooks", _, _, "messages", "@original"] => FakeDiscordRestResponse.Fixture("message.json"),
            _ => FakeDiscordRestResponse.Error(404, 10003, "Unknown Channel"),
        };
    }
}
