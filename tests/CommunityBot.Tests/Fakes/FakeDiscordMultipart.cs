using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// The rules Discord applies to a message create sent as multipart/form-data (Uploading Files in the API reference,
/// the multipart schema of POST /channels/{channel_id}/messages): the message is the payload_json part, files are
/// files[0] to files[9], an attachment's id is the n of its files[n], and an embed shows an upload as attachment://name.
/// </summary>
internal static partial class FakeDiscordMultipart
{
    private const int MaxFiles = 10;

    /// <summary>What is wrong with the body, or null when Discord would take it.</summary>
    public static string? Problem(string payloadJson, IReadOnlyList<FakeDiscordFile> files)
    {
        if (string.IsNullOrEmpty(payloadJson))
        {
            return "payload_json is missing";
        }
        JsonElement message;
        try
        {
            message = JsonDocument.Parse(payloadJson).RootElement.Clone();
        }
        catch (JsonException)
        {
            return "payload_json is not JSON";
        }
        var byIndex = new Dictionary<int, FakeDiscordFile>();
        foreach (var file in files)
        {
            if (FileField().Match(file.Field) is not { Success: true } field
                || int.Parse(field.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n >= MaxFiles
                || !byIndex.TryAdd(n, file))
            {
                return $"{file.Field} is not a file field (files[0] to files[9], each once)";
            }
        }
        var attached = new HashSet<string>(StringComparer.Ordinal);
        if (message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                var id = attachment.TryGetProperty("id", out var value) ? value.ToString() : "";
                if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || !byIndex.TryGetValue(index, out var file))
                {
                    return $"attachment {id} names no files[{id}] part";
                }
                attached.Add(attachment.TryGetProperty("filename", out var name) && name.GetString() is { } filename ? filename : file.FileName);
            }
        }
        foreach (var file in files)
        {
            attached.Add(file.FileName);
        }
        if (message.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array)
        {
            foreach (var embed in embeds.EnumerateArray())
            {
                if (embed.TryGetProperty("image", out var image) && image.TryGetProperty("url", out var url)
                    && url.GetString() is { } text && text.StartsWith("attachment://", StringComparison.Ordinal)
                    && !attached.Contains(text["attachment://".Length..]))
                {
                    return $"{text} names no uploaded file";
                }
            }
        }
        return null;
    }

    [GeneratedRegex(@"^files\[(\d+)\]$")]
    private static partial Regex FileField();
}
