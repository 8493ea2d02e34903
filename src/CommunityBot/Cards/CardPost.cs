using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CommunityBot.Cards;

/// <summary>
/// An outbox payload that carries a card: the card and the post it goes with, which is the payload its channel would
/// have written without one. The card belongs to the row, so of several rows (a thread) only the one given it carries
/// it. A payload that is not one of these is sent as it is.
/// </summary>
public sealed record CardPost(QuoteCard Card, string Post)
{
    // Every JSON post of a channel is an object with other members first; no console text starts like this.
    private const string Opening = "{\"card\":";

    public string Write() => JsonSerializer.Serialize(this, CardJsonContext.Default.CardPost);

    public static bool TryRead(string payload, [NotNullWhen(true)] out CardPost? post)
    {
        post = null;
        if (!payload.StartsWith(Opening, StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            post = JsonSerializer.Deserialize(payload, CardJsonContext.Default.CardPost);
        }
        catch (JsonException)
        {
            return false;
        }
        return post is { Card: not null, Post: not null };
    }
}
