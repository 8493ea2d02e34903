using System.Text.Json;

namespace CommunityBot.Tests.Fakes;

/// <summary>One payload the fake gateway received, and the (fake) time it arrived.</summary>
public sealed record FakeDiscordGatewayReceived(string Raw, JsonElement Payload, DateTimeOffset At)
{
    public int Op => Payload.GetProperty("op").GetInt32();

    public JsonElement Data => Payload.GetProperty("d");
}
