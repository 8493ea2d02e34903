using System.Text.Json;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A message.</summary>
public sealed record JsonMessage
{
    public required ulong Id { get; init; }
    public required ulong ChannelId { get; init; }
    public ulong? GuildId { get; init; }
    public JsonUser? Author { get; init; }
    public string? Content { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; init; }
    public IReadOnlyList<JsonEmbed>? Embeds { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public int? Flags { get; init; }
    public int? Type { get; init; }
    public ulong? WebhookId { get; init; }

    // Discord echoes the nonce back as it was sent: a string or an integer.
    public JsonElement? Nonce { get; init; }
}
