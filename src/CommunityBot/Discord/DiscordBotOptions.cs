using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Discord;

/// <summary>The bot's own keys of the Discord section; the clients read Token, ApiBaseUrl and the shard keys.</summary>
public sealed class DiscordBotOptions : IValidatableObject
{
    public const string Section = "Discord";

    public string Token { get; set; } = "";

    public ulong ApplicationId { get; set; }

    /// <summary>Register commands in this guild only (instant, for development) instead of globally.</summary>
    public ulong? CommandGuildId { get; set; }

    /// <summary>
    /// Whether this instance keeps gateway sessions. Off, it still posts, schedules and registers the commands: an
    /// instance beyond the shard count shares the outbox and the scheduled jobs without a shard of its own.
    /// </summary>
    public bool Gateway { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && ApplicationId == 0)
        {
            yield return new ValidationResult("Discord:ApplicationId is required when Discord:Token is set; expected the application's id from the developer portal, e.g. 123456789012345678");
        }
        if (CommandGuildId == 0)
        {
            yield return new ValidationResult("Discord:CommandGuildId: '0' is not a guild id; expected a server's id, or leave it unset to register the commands globally");
        }
    }
}
