using System.Buffers;
using System.Text;

namespace CommunityBot.Benchmarks;

/// <summary>The gateway payloads the fake sends, shaped like the documented examples (Discord API docs, Gateway Events).</summary>
internal static class GatewayFrames
{
    public const ulong ApplicationId = 1234567890123456789UL;
    public const ulong GuildId = 1111111111111111111UL;
    public const ulong ChannelId = 2222222222222222222UL;
    public const ulong CommandId = 3333333333333333333UL;

    public static readonly byte[] Hello = "{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}"u8.ToArray();
    public static readonly byte[] HeartbeatAck = "{\"op\":11,\"d\":null,\"s\":null,\"t\":null}"u8.ToArray();

    public static readonly string UserJson =
        $"{{\"id\":\"{ApplicationId}\",\"username\":\"bench-bot\",\"discriminator\":\"0\",\"global_name\":null,\"avatar\":null,\"bot\":true,\"flags\":0}}";

    // The token is long like Discord's (they are opaque strings of a few hundred characters) and ends with the id,
    // so a callback can be matched by its path alone.
    private static readonly byte[] s_tokenPrefix = Encoding.ASCII.GetBytes("bench." + new string('T', 140) + ".");

    private static readonly byte[] s_interactionHead = "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"s\":"u8.ToArray();
    private static readonly byte[] s_interactionId = ",\"d\":{\"type\":2,\"id\":\""u8.ToArray();
    private static readonly byte[] s_interactionToken = "\",\"token\":\""u8.ToArray();
    private static readonly byte[] s_interactionTail = Encoding.UTF8.GetBytes(
        $"\",\"application_id\":\"{ApplicationId}\",\"guild_id\":\"{GuildId}\",\"channel_id\":\"{ChannelId}\"," +
        "\"channel\":{\"id\":\"" + ChannelId + "\",\"type\":0,\"name\":\"general\"}," +
        "\"member\":{\"user\":{\"id\":\"4444444444444444444\",\"username\":\"reader\",\"discriminator\":\"0\",\"global_name\":\"Reader\",\"avatar\":null}," +
        "\"roles\":[],\"joined_at\":\"2021-06-01T12:00:00.000000+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0,\"permissions\":\"2248473465835073\"}," +
        "\"data\":{\"id\":\"" + CommandId + "\",\"name\":\"quote\",\"type\":1}," +
        "\"version\":1,\"app_permissions\":\"2248473465835073\",\"locale\":\"en-GB\",\"guild_locale\":\"en-US\",\"entitlements\":[]," +
        "\"authorizing_integration_owners\":{\"0\":\"" + GuildId + "\"},\"context\":0}}");

    public static byte[] Ready(int sequence, string resumeUrl) => Encoding.UTF8.GetBytes(
        $"{{\"op\":0,\"t\":\"READY\",\"s\":{sequence},\"d\":{{\"v\":10,\"user\":{UserJson},\"guilds\":[]," +
        $"\"session_id\":\"{Guid.NewGuid():N}\",\"resume_gateway_url\":\"{resumeUrl}\",\"shard\":[0,1]," +
        $"\"application\":{{\"id\":\"{ApplicationId}\",\"flags\":0}}}}}}");

    public static byte[] Resumed(int sequence) => Encoding.UTF8.GetBytes($"{{\"op\":0,\"t\":\"RESUMED\",\"s\":{sequence},\"d\":{{}}}}");

    public static void WriteInteraction(IBufferWriter<byte> output, int sequence, ulong id)
    {
        output.Write(s_interactionHead);
        WriteNumber(output, (ulong)sequence);
        output.Write(s_interactionId);
        WriteNumber(output, id);
        output.Write(s_interactionToken);
        output.Write(s_tokenPrefix);
        WriteNumber(output, id);
        output.Write(s_interactionTail);
    }

    /// <summary>The same /quote interaction as Discord POSTs it to an HTTP interactions endpoint: the dispatch's <c>d</c>.</summary>
    public static string InteractionBody(ulong id) =>
        $"{{\"type\":2,\"id\":\"{id}\",\"token\":\"{Encoding.ASCII.GetString(s_tokenPrefix)}{id}" + Encoding.UTF8.GetString(s_interactionTail.AsSpan(0, s_interactionTail.Length - 1));

    /// <summary>Reads the interaction id back from the last dot-separated part of a token written above.</summary>
    public static bool TryReadTokenId(string token, out ulong id)
    {
        var dot = token.LastIndexOf('.');
        return ulong.TryParse(token.AsSpan(dot + 1), out id);
    }

    private static void WriteNumber(IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(20);
        value.TryFormat(span, out var written, provider: null);
        output.Advance(written);
    }
}
