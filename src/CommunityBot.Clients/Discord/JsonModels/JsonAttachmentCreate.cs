namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>An uploaded file's entry in a message: <c>Id</c> is the n of its <c>files[n]</c> part; an embed shows it as <c>attachment://{Filename}</c>.</summary>
public sealed record JsonAttachmentCreate
{
    public required string Id { get; init; }
    public required string Filename { get; init; }

    // The alt text; at most 1,024 characters.
    public string? Description { get; init; }
}
