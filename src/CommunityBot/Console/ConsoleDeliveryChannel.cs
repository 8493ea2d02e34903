using System.Text;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Console;

/// <summary>Local mode's only target: posts are printed where the person at the prompt sees them.</summary>
public sealed class ConsoleDeliveryChannel(LocalConsole console) : IDeliveryChannel
{
    public static readonly string Target = TargetKey.Console.ToString();

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

    public Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        console.WritePost($"[{entry.Kind}]{Environment.NewLine}{entry.Payload}");
        return Task.FromResult(SendResult.Delivered(null));
    }
}
