using System.Text.Json;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Storage;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.HostileInput;

/// <summary>
/// An essay whose every field tries to ping: whatever the bot posts from it — every command's reply, every button, the scheduled
/// epigraph as sent to a channel — carries allowed_mentions with an empty parse list and no role or user ids.
/// </summary>
public sealed class MentionTests : IDisposable
{
    private const string Pings = "@everyone @here <@&1> <@1> <@!1>";
    private readonly TempEssayFolder _folder = new();

    public MentionTests()
    {
        _folder.Write("pings.md", $"""
            ---
            title: "Loud {Pings}"
            slug: loud
            authors: ["@everyone"]
            epigraph:
              text: "Epigraph {Pings}"
              author: "@here"
            quotes:
              - text: "Quote {Pings}"
                author: "<@&1>"
                source: "<@1>"
            references:
              - title: "Reference {Pings}"
                who: "@everyone"
                note: "<@&1>"
            further_resources:
              - title: "Resource {Pings}"
            tags: ["@here"]
            ---
            Body says Quote {Pings} to everyone.
            """);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EveryCommandReply_AllowsNoMentions_ThoughTheEssayIsFullOfThem()
    {
        await using var harness = await InteractionHarness.StartAsync(_folder.Path);
        string[][] commands =
        [
            ["quote"], ["quote", "author", "@here"], ["quote", "text", "everyone"], ["epigraph", "essay", "loud"], ["essay", "essay", "loud"],
            ["essays"], ["references", "essay", "loud"], ["resources", "essay", "loud"], ["search", "text", "everyone"],
            ["search", "text", "@everyone"], ["about"], ["help"], ["essay", "essay", Pings], ["quote", "author", Pings], [Pings],
        ];
        var replies = new List<FakeDiscordRestRequest>();
        foreach (var command in commands)
        {
            var options = command.Skip(1).Chunk(2).Select(o => (o[0], (System.Text.Json.Nodes.JsonNode?)o[1])).ToArray();
            replies.AddRange(await harness.HandleAsync(Interactions.Command(command[0], options)));
        }
        replies.AddRange(await harness.HandleAsync(Interactions.Button("essays:page:1")));
        replies.AddRange(await harness.HandleAsync(Interactions.Button("essays:page:9")));

        Assert.Equal(commands.Length + 2, replies.Count);
        Assert.Contains(replies, r => r.Body.Contains("@everyone", StringComparison.Ordinal));
        Assert.All(replies, reply => AssertMentionsNothing(Interactions.Body(reply).GetProperty("data"), reply.Body));
    }

    [Fact]
    public async Task ScheduledEpigraph_AsPostedToTheChannel_AllowsNoMentions()
    {
        await using var delivery = await DeliveryHarness.StartAsync();
        var store = new ContentStore(Options.Create(new ContentOptions { Path = _folder.Path }), NullLogger<ContentStore>.Instance);
        var channel = new DiscordDeliveryChannel(delivery.Rest.Client);
        var epigraph = Assert.Single(store.Index.Epigraphs);
        var target = TargetKey.Discord(1, 10).ToString();
        await delivery.Outbox.EnqueueAsync(target, "epigraph", channel.RenderEpigraph(target, epigraph), "epigraph:loud");

        await delivery.StartWorkerAsync(channel);
        await delivery.WaitForOutboxAsync(rows => rows.All(r => r.Status == OutboxStatus.Delivered));

        var post = Assert.Single(delivery.Posts);
        Assert.Contains("Epigraph @everyone @here", post.Body, StringComparison.Ordinal);
        AssertMentionsNothing(JsonDocument.Parse(post.Body).RootElement, post.Body);
    }

    private static void AssertMentionsNothing(JsonElement message, string raw)
    {
        Assert.True(message.TryGetProperty("allowed_mentions", out var mentions), "no allowed_mentions in " + raw);
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.False(mentions.TryGetProperty("roles", out var roles) && roles.GetArrayLength() > 0, raw);
        Assert.False(mentions.TryGetProperty("users", out var users) && users.GetArrayLength() > 0, raw);
    }
}
