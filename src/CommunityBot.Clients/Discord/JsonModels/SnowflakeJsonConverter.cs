using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>Reads and writes Discord ids, which are strings on the wire, as <see cref="ulong"/>.</summary>
// Discord sends snowflakes as strings because they overflow JavaScript numbers; every ulong
// in the Discord models is a snowflake, so the context applies this converter to all of them.
public sealed class SnowflakeJsonConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.GetUInt64();

        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out ulong value, out var consumed)
            && consumed == reader.ValueSpan.Length)
            return value;

        throw new JsonException($"Expected a snowflake, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }

    public override ulong ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WritePropertyName(buffer[..written]);
    }
}
