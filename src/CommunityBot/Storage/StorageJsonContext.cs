using System.Text.Json.Serialization;

namespace CommunityBot.Storage;

[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
