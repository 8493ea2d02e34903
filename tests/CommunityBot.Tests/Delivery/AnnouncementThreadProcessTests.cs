using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Announcements;
using CommunityBot.Discord.Config;
using CommunityBot.Storage;
using CommunityBot.Tests.Cluster;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Discord.Config;
using CommunityBot.Tests.Fakes;
using Microsoft.Data.Sqlite;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// The built program in Discord mode against the loopback fakes: a moderator turns the discussion thread on with
/// /config through the gateway, an essay file appears in the folder, and Discord receives the announcement, one thread
/// on it named after the essay, and the essay's epigraph inside that thread.
/// </summary>
public sealed class AnnouncementThreadProcessTests : IDisposable
{
    private const string NewEssay = "expansive-solidarity";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TempEssayFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task RealProgram_ThreadOnThroughConfig_ANewEssayFile_IsAnnounced_ThenOneThreadNamedAfterIt_ThenItsEpigraphInIt()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.SeedEssays, "*.md").Where(f => Path.GetFileNameWithoutExtension(f) != NewEssay))
        {
            File.Copy(file, Path.Combine(_folder.Path, Path.GetFileName(file)));
        }
        await using var db = await TestDatabase.CreateAsync();
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        var channels = new Dictionary<ulong, string>
        {
            // The bot's role may open threads there, as a moderator would have set it up.
            [ConfigHarness.ChannelId] = $$"""[{"id": "{{ConfigHarness.BotRoleId}}", "type": 0, "allow": "{{DiscordPermissions.ToOpenThreads.ToString(CultureInfo.InvariantCulture)}}", "deny": "0"}]""",
        };
        var messages = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        discord.Respond = request => request switch
        {
            { Method: "POST" } when request.Path.EndsWith("/threads", StringComparison.Ordinal) => OpenThread(request),
            { Method: "POST" } when request.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && request.Path.EndsWith("/messages", StringComparison.Ordinal) =>
                CreateMessage(request, messages),
            _ when request.Path.EndsWith("/gateway/bot", StringComparison.Ordinal) || request.Path.EndsWith("/commands", StringComparison.Ordinal) => discord.DefaultResponse(request),
            _ => ConfigHarness.Answer(request, channels),
        };

        await using var bot = BotInstance.Start("discord", new Dictionary<string, string>
        {
            ["Discord__Token"] = DiscordBotHost.Token,
            ["Discord__ApplicationId"] = DiscordBotHost.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord__ApiBaseUrl"] = discord.Rest.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = db.Options.ConnectionString,
            ["Content__Path"] = _folder.Path,
        });
        var (connection, _) = await discord.Gateway.NextHandshakeAsync();
        await connection.SendReadyAsync(discord.Gateway.ResumeUrl);
        // The folder as it is at the first start is the baseline: only what appears after it is new.
        var sources = new SourceStateRepository(db.Database, TimeProvider.System);
        await WaitForAsync(async () => await sources.GetAsync(EssayFolderAnnouncer.Source) is not null, bot);

        var interaction = ConfigHarness.InteractionJson(ConfigCommand.Announcements, ConfigHarness.ManageGuild,
            ("channel", 7, ConfigHarness.ChannelId.ToString(CultureInfo.InvariantCulture)), (ConfigCommand.ThreadOption, 5, "true"));
        await connection.SendAsync(new JsonObject { ["t"] = "INTERACTION_CREATE", ["s"] = 2, ["op"] = 0, ["d"] = interaction });
        var settings = new GuildSettingsRepository(db.Database, TimeProvider.System);
        await WaitForAsync(async () => await settings.GetAsync(ConfigHarness.GuildId) is { AnnounceThread: true }, bot);
        Assert.Equal(ConfigHarness.ChannelId, (await settings.GetAsync(ConfigHarness.GuildId))!.AnnounceChannelId);

        File.Copy(Path.Combine(RepositoryPaths.SeedEssays, NewEssay + ".md"), Path.Combine(_folder.Path, NewEssay + ".md"));
        var outbox = new OutboxRepository(db.Database, TimeProvider.System);
        await WaitForAsync(async () => await outbox.AllAsync() is { Count: 3 } rows && rows.All(r => r.Status == OutboxStatus.Delivered), bot);

        var sent = discord.Rest.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal))
            .ToList();
        var announcementId = messages[Nonce(sent[0])].ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                $"/api/v10/channels/{ConfigHarness.ChannelId}/messages",
                $"/api/v10/channels/{ConfigHarness.ChannelId}/messages/{announcementId}/threads",
                // A thread opened on a message has the message's id: the epigraph goes into the thread.
                $"/api/v10/channels/{announcementId}/messages",
            ],
            sent.Select(r => r.Path));
        Assert.Contains("New essay: Expansive Solidarity", sent[0].Body, StringComparison.Ordinal);
        var thread = JsonDocument.Parse(sent[1].Body).RootElement;
        Assert.Equal("Expansive Solidarity", thread.GetProperty("name").GetString());
        Assert.Equal(1440, thread.GetProperty("auto_archive_duration").GetInt32());
        Assert.Contains("The hour is late.", JsonDocument.Parse(sent[2].Body).RootElement.GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // Discord keeps enforce_nonce's promise: a nonce it has seen returns the message it made the first time.
    private static FakeDiscordRestResponse CreateMessage(FakeDiscordRestRequest request, ConcurrentDictionary<string, long> messages)
    {
        var id = messages.GetOrAdd(Nonce(request), _ => 1_300_000_000_000_000_000 + messages.Count);
        var channel = request.Path.Split('/')[^2];
        return FakeDiscordRestResponse.Json($$"""{"id": "{{id}}", "channel_id": "{{channel}}", "content": "", "nonce": "{{Nonce(request)}}"}""");
    }

    private static FakeDiscordRestResponse OpenThread(FakeDiscordRestRequest request)
    {
        var parts = request.Path.Split('/');
        var (channel, message) = (parts[^4], parts[^2]);
        var name = JsonDocument.Parse(request.Body).RootElement.GetProperty("name").GetString();
        return FakeDiscordRestResponse.Json(new JsonObject
        {
            ["id"] = message,
            ["type"] = 11,
            ["guild_id"] = ConfigHarness.GuildId.ToString(CultureInfo.InvariantCulture),
            ["parent_id"] = channel,
            ["name"] = name,
        }.ToJsonString());
    }

    private static string Nonce(FakeDiscordRestRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()!;

    private static async Task WaitForAsync(Func<Task<bool>> condition, BotInstance bot)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.False(bot.HasExited, "the bot exited:\n" + bot.Output);
            Assert.True(DateTime.UtcNow < deadline, "the bot did not get there in time:\n" + bot.Output);
            await Task.Delay(20);
        }
    }
}
