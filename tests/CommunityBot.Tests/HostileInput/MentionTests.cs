using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Mastodon;
using CommunityBot.Storage;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;
using CommunityBot.Tests.Mastodon;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CommunityBot.Tests.Cards;

namespace CommunityBot.Tests.HostileInput;

/// <summary>
/// An essay whose every field tries to ping: whatever the bot posts from it — every command's reply, every button, the scheduled
/// epigraph as sent to a channel — carries allowed_mentions with an empty parse list and no role or user ids. And a stranger's
/// mention on Mastodon cannot make the bot's reply mention, tag or link anyone, nor reach further than the mention did.
/// </summary>
public sealed partial class MentionTests : IDisposable
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
        var channel = TestCards.Discord(delivery.Rest.Client);
        var epigraph = Assert.Single(store.Index.Epigraphs);
        var target = TargetKey.Discord(1, 10).ToString();
        await delivery.Outbox.EnqueueAsync(target, "epigraph", channel.RenderEpigraph(target, epigraph)[0].Payload, "epigraph:loud");

        await delivery.StartWorkerAsync(channel);
        await delivery.WaitForOutboxAsync(rows => rows.All(r => r.Status == OutboxStatus.Delivered));

        var post = Assert.Single(delivery.Posts);
        Assert.Contains("Epigraph @everyone @here", post.Body, StringComparison.Ordinal);
        AssertMentionsNothing(JsonDocument.Parse(post.Body).RootElement, post.Body);
    }

    [Fact]
    public async Task MastodonReply_ToAHostileMention_MentionsOnlyTheAsker_TagsAndLinksNothingOfTheirs_AndIsDirectForUnknownVisibilities()
    {
        await using var bot = await MastodonBotHarness.StartAsync();
        await bot.Monitor.CheckAsync(bot.Main, CancellationToken.None);
        await bot.Get<SourceStateRepository>().SaveAsync(new SourceState("mastodon-mentions:main", ""));
        (string Text, string Visibility, string Expected)[] mentions =
        [
            ("essay \"@victim@mastodon.social", "public", "unlisted"),
            ("essay (@victim@mastodon.social) #tag https://evil.example/x", "local", "direct"),
            ("essay \u200B@victim@mastodon.social \u200E#tag x\u200B#tag", "limited", "direct"),
            ("quote --author ＠victim ＃tag ﹫victim gemini://evil.example hthttps://tps://evil.example", "private", "private"),
            ("search xmpp:victim@evil.example magnet:?xt=urn:btih:evil HTTPS://evil.example", "mutuals_only", "direct"),
            ("essay\u2066 @\u2069victim x@victim \"#tag\" \u202E@victim", "direct", "direct"),
            ("frobnicate \"@victim@mastodon.social\" #tag", "public", "unlisted"),
        ];
        bot.Server.Enqueue("GET", "/api/v1/notifications", MentionNotifications.Page(
            [.. mentions.Select((m, i) => MentionNotifications.Mention(100 + i, $"asker{i}@asker.example", m.Text, m.Visibility))]));

        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);
        var channel = bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();
        for (var due = await bot.Outbox.NextDueAsync(1); due.Count > 0; due = await bot.Outbox.NextDueAsync(1))
        {
            var sent = await channel.SendAsync(due[0], CancellationToken.None);
            Assert.Equal(SendOutcome.Delivered, sent.Outcome);
            await bot.Outbox.MarkDeliveredAsync(due[0].Id, sent.RemoteId);
        }

        // A long answer is a thread of several statuses: every one of them reaches the asker alone.
        var replies = bot.Posts.Select(p => JsonDocument.Parse(p.Body).RootElement).ToList();
        var mentionOf = bot.Posts.Select(p => int.Parse(p.Header("Idempotency-Key")!.Split('#')[0]["reply:main:".Length..], System.Globalization.CultureInfo.InvariantCulture) - 100).ToList();
        Assert.Equal(Enumerable.Range(0, mentions.Length), mentionOf.Distinct());
        for (var post = 0; post < replies.Count; post++)
        {
            var i = mentionOf[post];
            var status = replies[post].GetProperty("status").GetString()!;
            var handles = UsableHandle().Matches(status);
            Assert.True(handles.Count == 1 && handles[0].Index == 0 && status.StartsWith($"@asker{i}@asker.example ", StringComparison.Ordinal), status);
            Assert.False(UsableHashtag().IsMatch(status), status);
            Assert.DoesNotContain(Links().Matches(status), link => link.Value.Contains("evil", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(mentions[i].Expected, replies[post].GetProperty("visibility").GetString());
        }
        Assert.Contains(replies, r => r.GetProperty("status").GetString()!.Contains("victim@\u2060mastodon.social", StringComparison.Ordinal));
    }

    // Mastodon's Account::MENTION_RE and Tag::HASHTAG_RE, widened: any at or number sign form, and joiners counted as tag letters.
    [GeneratedRegex(@"(?<![=/\w])[@＠﹫][a-z0-9_]", RegexOptions.IgnoreCase)]
    private static partial Regex UsableHandle();

    [GeneratedRegex(@"(?<![=/)\p{L}\p{N}_])[#＃﹟][\p{L}\p{M}\p{N}\p{Pc}·\u200c\u200d]")]
    private static partial Regex UsableHashtag();

    // Every scheme Mastodon links (twitter-text's protocols, Mastodon's additions, xmpp: and magnet:), and any other.
    [GeneratedRegex(@"(?:[a-z][a-z0-9+.\-]*://|(?<![a-z0-9])(?:xmpp|magnet):)\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    private static void AssertMentionsNothing(JsonElement message, string raw)
    {
        Assert.True(message.TryGetProperty("allowed_mentions", out var mentions), "no allowed_mentions in " + raw);
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.False(mentions.TryGetProperty("roles", out var roles) && roles.GetArrayLength() > 0, raw);
        Assert.False(mentions.TryGetProperty("users", out var users) && users.GetArrayLength() > 0, raw);
    }
}
