using CommunityBot.Content;
using CommunityBot.Mastodon;

namespace CommunityBot.Tests.Mastodon;

/// <summary>Statuses built from a feed's or an essay's text: a hijacked feed must not become a way to mention people.</summary>
public sealed class MastodonStatusComposerTests
{
    private static readonly MastodonAccountOptions _account = new() { Name = "main", Hashtags = ["journal"] };

    private static Essay Hostile() => new(
        "hostile",
        "@victim@mastodon.social #spam New essay",
        null,
        [],
        [],
        new Uri("https://evil.example/x-@victim@mastodon.social"),
        new Quote("Ask @victim@mastodon.social about #spam", "@author@mastodon.social", null),
        [],
        [],
        [],
        [],
        "",
        "",
        "feed");

    [Fact]
    public void Announcement_FromAHostileFeedItem_MentionsNoOne_AndTagsOnlyTheAccountsHashtags()
    {
        var status = MastodonStatusComposer.Announcement(Hostile(), _account, StatusBudget.Default);

        AssertInert(status);
    }

    [Fact]
    public void Epigraph_OfAHostileQuote_MentionsNoOne_AndTagsOnlyTheAccountsHashtags()
    {
        var essay = Hostile();
        var status = MastodonStatusComposer.Epigraph(new QuoteEntry(essay.Epigraph!, essay, IsEpigraph: true), _account, StatusBudget.Default);

        AssertInert(status);
    }

    private static void AssertInert(string status)
    {
        Assert.DoesNotContain("@victim", status, StringComparison.Ordinal);
        Assert.DoesNotContain("@author", status, StringComparison.Ordinal);
        Assert.DoesNotContain("#spam", status, StringComparison.Ordinal);
        Assert.Contains("#journal", status, StringComparison.Ordinal);
        Assert.Contains("https://evil.example/x-%40victim%40mastodon.social", status, StringComparison.Ordinal);
    }
}
