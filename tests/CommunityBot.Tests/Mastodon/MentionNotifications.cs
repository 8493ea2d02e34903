using System.Net;
using System.Text.Json.Nodes;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Mastodon;

/// <summary>Mention notifications as the instance sends them, built from the recorded fixture with the asker, text and visibility a test needs.</summary>
internal static class MentionNotifications
{
    /// <summary>A notifications page holding <paramref name="mentions"/>, given oldest first; the API lists newest first.</summary>
    public static FakeMastodonResponse Page(params JsonObject[] mentions) =>
        FakeMastodonResponse.Json(200, new JsonArray([.. mentions.Reverse()]).ToJsonString());

    public static JsonObject Mention(int id, string asker, string text, string visibility = "public")
    {
        var fixture = JsonNode.Parse(File.ReadAllText(FakeMastodonResponse.FixturePath("notifications_mentions.json")))!.AsArray();
        var mention = fixture[0]!.DeepClone().AsObject();
        mention["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        mention["account"]!["acct"] = asker;
        var status = mention["status"]!;
        status["id"] = $"1089143989116{id:D5}";
        status["account"]!["acct"] = asker;
        status["visibility"] = visibility;
        status["content"] = $"""<p><span class="h-card"><a href="https://social.example/@epigraphs" class="u-url mention">@<span>epigraphs</span></a></span> {WebUtility.HtmlEncode(text)}</p>""";
        return mention;
    }
}
