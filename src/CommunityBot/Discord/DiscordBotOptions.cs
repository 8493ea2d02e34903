using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Discord;

/// <summary>The bot's own keys of the Discord section; the clients read Token, ApiBaseUrl and the shard keys.</summary>
public sealed class DiscordBotOptions
{
    public const string Section = "Discord";

    public string Token { get; set; } = "";

    [Range(1, ulong.MaxValue, ErrorMessage = "Discord:ApplicationId is required with a Discord token: the application's id from the developer portal")]
    public ulong ApplicationId { get; set; }

    /// <summary>Register commands in this guild only (instant, for development) instead of globally.</summary>
    public ulong? CommandGuildId { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
