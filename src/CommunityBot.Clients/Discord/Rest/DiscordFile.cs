namespace CommunityBot.Clients.Discord.Rest;

// A file sent with a message, as files[n] of a multipart body.
public sealed record DiscordFile(ReadOnlyMemory<byte> Content, string FileName, string ContentType);
