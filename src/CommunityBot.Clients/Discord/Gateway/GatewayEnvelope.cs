using System.Text.Json;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>The <c>op</c>, <c>s</c>, <c>t</c> of a received payload and where its <c>d</c> lies, read in one pass.</summary>
internal readonly record struct GatewayEnvelope(int Op, long? Sequence, string? EventName, int DataStart, int DataLength)
{
    public static GatewayEnvelope Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A gateway payload must be a JSON object.");

        var op = -1;
        long? sequence = null;
        string? eventName = null;
        int dataStart = 0, dataLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                op = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                sequence = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                eventName = reader.TokenType == JsonTokenType.Null ? null : GatewayEventNames.Get(ref reader);
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                reader.Read();
                dataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                dataLength = (int)reader.BytesConsumed - dataStart;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (op < 0)
            throw new JsonException("A gateway payload has no op.");
        return new GatewayEnvelope(op, sequence, eventName, dataStart, dataLength);
    }
}
