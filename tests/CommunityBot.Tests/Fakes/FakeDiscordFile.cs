namespace CommunityBot.Tests.Fakes;

/// <summary>A files[n] part of a multipart message create: its field name, file name, content type and bytes.</summary>
public sealed record FakeDiscordFile(string Field, string FileName, string ContentType, byte[] Content);
