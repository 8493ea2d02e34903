namespace CommunityBot.Clients.Discord.Rest;

// What the rate limiter needs to know about a request: the route template (method included)
// and the top-level resource Discord keys its limits on (channel, guild, or webhook id + token).
internal sealed record DiscordRoute(string Template, ulong MajorId = 0, string? MajorToken = null)
{
    // Interaction callbacks and webhook-token routes are outside the global limit, and the bot
    // must still answer users while it is slowing down for invalid requests.
    public bool IsInteraction { get; init; }

    // An interaction callback is used once per interaction id; remembering its bucket would only grow memory.
    public bool IsTracked { get; init; } = true;

    public RouteKey Key => new(Template, MajorId, MajorToken);
}

internal readonly record struct RouteKey(string Template, ulong MajorId, string? MajorToken);
