namespace CommunityBot.Clients.Discord;

// Bound from the "Discord" section; the gateway options read the same section for their own keys.
public sealed class DiscordRestOptions
{
    public const string SectionName = "Discord";

    public string Token { get; set; } = "";
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    // Retries after a 429, a 5xx or a timeout, per request; the error surfaces after the last one.
    public int MaxRetries { get; set; } = 3;
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    // A 429 asking for a longer wait than this is surfaced rather than waited out.
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);
    public int GlobalRequestsPerSecond { get; set; } = 50;

    // Discord bans an IP for a while after 10,000 responses of 401, 403 or 429 in 10 minutes.
    public int InvalidRequestSlowdownThreshold { get; set; } = 5_000;
    public int InvalidRequestRefuseThreshold { get; set; } = 9_000;
    public TimeSpan InvalidRequestSlowdownDelay { get; set; } = TimeSpan.FromSeconds(1);
}
