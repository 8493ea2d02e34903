using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// One op 0 event. <paramref name="Data"/> is the UTF-8 JSON of <c>d</c>, copied out of the pooled receive
/// buffer so the consumer may keep it; deserialize it with <see cref="Deserialize{T}"/>.
/// </summary>
public readonly record struct GatewayDispatch(int ShardId, string EventName, long Sequence, ReadOnlyMemory<byte> Data)
{
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(Data.Span, typeInfo);
}
