namespace CommunityBot.Tests.Fakes;

public sealed record FakeDiscordRestRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
