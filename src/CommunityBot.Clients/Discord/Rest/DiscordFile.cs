namespace CommunityBot.Clients.Discord.Rest;

/// <summary>A file sent with a message, as <c>files[n]</c> of a multipart body.</summary>
public sealed record DiscordFile(ReadOnlyMemory<byte> Content, string FileName, string ContentType);
