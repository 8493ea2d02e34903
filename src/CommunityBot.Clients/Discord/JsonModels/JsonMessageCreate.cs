namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The body of Create Message.</summary>
// The body of create message, follow-up and edit-original; for an edit, null fields are left unchanged.
public sealed record JsonMessageCreate
{
    public string? Content { get; init; }

    // With EnforceNonce, Discord returns the earlier message instead of posting twice for a nonce
    // seen within the last few minutes; that makes a retried create idempotent. At most 25 characters.
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }
    public bool? Tts { get; init; }
    public IReadOnlyList<JsonEmbed>? Embeds { get; init; }
    public JsonAllowedMentions? AllowedMentions { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public int? Flags { get; init; }

    // One entry per file of a multipart message, in the order of its files[n] parts.
    public IReadOnlyList<JsonAttachmentCreate>? Attachments { get; init; }
}
