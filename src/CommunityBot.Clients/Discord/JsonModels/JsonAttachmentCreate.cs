namespace CommunityBot.Clients.Discord.JsonModels;

// An uploaded file's entry in a message: Id is the n of its files[n] part; an embed shows it as attachment://{Filename}.
public sealed record JsonAttachmentCreate
{
    public required string Id { get; init; }
    public required string Filename { get; init; }

    // The alt text; at most 1,024 characters.
    public string? Description { get; init; }
}
