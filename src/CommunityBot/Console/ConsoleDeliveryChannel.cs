using System.Globalization;
using System.Text;
using CommunityBot.Cards;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Console;

/// <summary>
/// Local mode's only target: posts are printed where the person at the prompt sees them. A post's card is written to
/// <see cref="CardFolder"/> and its path printed below the text, so anyone can open it.
/// </summary>
public sealed class ConsoleDeliveryChannel(LocalConsole console, CardStudio cards) : IDeliveryChannel
{
    public static readonly string Target = TargetKey.Console.ToString();

    /// <summary>Beside the database (Storage:ConnectionString's default is state/communitybot.db), from the working directory.</summary>
    public static readonly string CardFolder = Path.Combine("state", "cards");

    public TargetKind Kind => TargetKind.Console;

    public IReadOnlyList<OutboxStep> RenderEpigraph(string target, QuoteEntry epigraph) => [new(ConsoleRenderer.Render(new QuoteReply(epigraph, 1)))];

    public IReadOnlyList<OutboxStep> RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId, bool openThread) => [new(Announcement(essay))];

    private static string Announcement(Essay essay)
    {
        var text = new StringBuilder($"New essay: {essay.Title} ({DisplayFormat.Date(essay.Published)})");
        if (essay.Epigraph is { } epigraph)
        {
            text.AppendLine().Append(DisplayFormat.Quoted(epigraph.Text)).AppendLine().Append(DisplayFormat.Attribution(epigraph));
        }
        if (essay.Url is { } url)
        {
            text.AppendLine().Append(url);
        }
        return text.ToString();
    }

    public async Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!CardPost.TryRead(entry.Payload, out var carded))
        {
            console.WritePost($"[{entry.Kind}]{Environment.NewLine}{entry.Payload}");
            return SendResult.Delivered(null);
        }
        var text = $"[{entry.Kind}]{Environment.NewLine}{carded.Post}";
        if (cards.Render(carded, entry) is { } png)
        {
            var file = Path.GetFullPath(Path.Combine(CardFolder, string.Create(CultureInfo.InvariantCulture, $"{entry.Kind}-{entry.Id}.png")));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, png, cancellationToken);
            text += $"{Environment.NewLine}Card: {file}";
        }
        console.WritePost(text);
        return SendResult.Delivered(null);
    }
}
