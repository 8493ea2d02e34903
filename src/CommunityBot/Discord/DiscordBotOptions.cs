using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Discord;

/// <summary>The bot's own keys of the Discord section; the clients read Token, ApiBaseUrl and the shard keys.</summary>
public sealed class DiscordBotOptions : IValidatableObject
{
    public const string Section = "Discord";

    public string Token { get; set; } = "";

    public ulong ApplicationId { get; set; }

    /// <summary>Register commands in this guild only (instant, for development) instead of globally.</summary>
    public ulong? CommandGuildId { get; set; }

    /// <summary>The application's Ed25519 public key (64 hex digits); turns on <c>POST /interactions</c> on the HTTP listener.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>
    /// Whether this instance keeps gateway sessions. Off, it still posts, schedules and registers the commands, and
    /// takes interactions over HTTP when a public key is set: an instance beyond the shard count, or an HTTP-only bot.
    /// </summary>
    public bool Gateway { get; set; } = true;

    /// <summary>Http:Urls, copied in so that a public key with nowhere to receive interactions is caught.</summary>
    internal string HttpUrls { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    public bool HttpInteractions => Enabled && !string.IsNullOrWhiteSpace(PublicKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && ApplicationId == 0)
        {
            yield return new ValidationResult("Discord:ApplicationId is required when Discord:Token is set; expected the application's id from the developer portal, e.g. 123456789012345678");
        }
        if (!string.IsNullOrWhiteSpace(PublicKey) && (PublicKey.Length != 64 || !PublicKey.All(char.IsAsciiHexDigit)))
        {
            yield return OptionChecks.Problem("Discord:PublicKey", PublicKey, "is not an Ed25519 public key; expected the 64 hex digits of 'Public Key' on the application's General Information page");
        }
        else if (HttpInteractions && string.IsNullOrWhiteSpace(HttpUrls))
        {
            yield return OptionChecks.Problem("Discord:PublicKey", "(set)", "turns on POST /interactions, but Http:Urls is empty; expected Http:Urls too, e.g. http://127.0.0.1:8080");
        }
        if (CommandGuildId == 0)
        {
            yield return new ValidationResult("Discord:CommandGuildId: '0' is not a guild id; expected a server's id, or leave it unset to register the commands globally");
        }
    }
}
