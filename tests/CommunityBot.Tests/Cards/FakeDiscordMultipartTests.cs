using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Tests.Clients.Discord.Rest;

namespace CommunityBot.Tests.Cards;

/// <summary>The fake Discord holds a multipart message create to Discord's rules, so a test passing against it means something.</summary>
public sealed class FakeDiscordMultipartTests : IAsyncLifetime
{
    private static readonly DiscordFile Card = new(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "card.png", "image/png");
    private DiscordRestHarness _rest = null!;

    public async Task InitializeAsync() => _rest = await DiscordRestHarness.StartAsync(o => o.MaxRetries = 0);

    public async Task DisposeAsync() => await _rest.DisposeAsync();

    [Fact]
    public async Task AMessageWithAFile_IsReadAsPayloadJsonAndFiles0()
    {
        _rest.Server.Default = _ => Fakes.FakeDiscordRestResponse.Json("""{"id": "1", "channel_id": "9", "content": ""}""");

        await _rest.Client.CreateMessageAsync(9, Message("0", "attachment://card.png"), [Card]);

        var request = Assert.Single(_rest.Server.Requests);
        Assert.True(request.IsMultipart);
        Assert.Contains("\"nonce\":\"n-1\"", request.Body, StringComparison.Ordinal);
        var file = Assert.Single(request.Files);
        Assert.Equal(("files[0]", "card.png", "image/png"), (file.Field, file.FileName, file.ContentType));
        Assert.Equal(Card.Content.ToArray(), file.Content);
    }

    [Theory]
    [InlineData("1", "attachment://card.png", "attachment 1 names no files[1] part")]
    [InlineData("0", "attachment://other.png", "attachment://other.png names no uploaded file")]
    public async Task AnAttachmentOrEmbedImageNamingNoFile_Is50035(string attachmentId, string imageUrl, string problem)
    {
        var refused = await Assert.ThrowsAsync<DiscordRestException>(() => _rest.Client.CreateMessageAsync(9, Message(attachmentId, imageUrl), [Card]));

        Assert.Equal((System.Net.HttpStatusCode.BadRequest, 50035), (refused.StatusCode, refused.Code));
        Assert.Contains(problem, refused.DiscordMessage, StringComparison.Ordinal);
    }

    private static JsonMessageCreate Message(string attachmentId, string imageUrl) => new()
    {
        Nonce = "n-1",
        EnforceNonce = true,
        Embeds = [new JsonEmbed { Description = "“A quote”", Image = new JsonEmbedMedia { Url = imageUrl } }],
        Attachments = [new JsonAttachmentCreate { Id = attachmentId, Filename = "card.png", Description = "A quote" }],
    };
}
