using System.Text;
using CommunityBot.Commands;
using CommunityBot.Delivery;
using CommunityBot.History;

namespace CommunityBot.Discord.Config;

/// <summary>/config history: a guild's targets and its latest deliveries, as Discord markdown for the moderator alone.</summary>
public sealed class ConfigHistoryRenderer(DeliveryHistory history)
{
    private const int MaxContent = 2000;
    private const int ErrorLength = 90;

    public async Task<string> RenderAsync(ulong guildId, CancellationToken cancellationToken) =>
        Render(await history.ForGuildAsync(guildId, cancellationToken));

    public static string Render(HistoryReport report)
    {
        var head = new StringBuilder();
        if (report.Targets.Count == 0)
        {
            head.Append("**Targets:** none yet (`/config epigraphs` or `/config announcements` sets one).\n");
        }
        else
        {
            head.Append("**Targets**\n");
            foreach (var target in report.Targets)
            {
                head.Append("- ").Append(Channel(target.Target)).Append(" (").Append(Use(target.Use)).Append("): ").Append(State(target)).Append('\n');
            }
        }
        if (report.Deliveries.Count == 0)
        {
            return head.Append("**Deliveries:** none yet.").ToString();
        }
        head.Append(System.Globalization.CultureInfo.InvariantCulture, $"**Last {DisplayFormat.Count(report.Deliveries.Count, "delivery", "deliveries")}**, newest first\n");
        var lines = report.Deliveries.Select(Line).ToList();
        // Discord refuses content over 2000 characters: the oldest lines give way, and the reply says so.
        var shown = lines.Count;
        while (head.Length + lines.Take(shown).Sum(l => l.Length + 1) + 40 > MaxContent && shown > 0)
        {
            shown--;
        }
        var text = head.Append(string.Join('\n', lines.Take(shown)));
        if (shown < lines.Count)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n…and {lines.Count - shown} older.");
        }
        return text.ToString();
    }

    private static string Line(DeliveryRecord delivery)
    {
        var line = $"- <t:{delivery.At.ToUnixTimeSeconds()}:f> · {delivery.Kind} · {Channel(delivery.Target)} · {Status(delivery)}";
        return delivery.LastError is { } error ? $"{line}: {DiscordText.FitEscaped(error, ErrorLength)}" : line;
    }

    private static string Status(DeliveryRecord delivery) => delivery.State switch
    {
        DeliveryState.Delivered => "delivered",
        DeliveryState.Failed => "**failed**",
        DeliveryState.Retrying => $"retrying (tried {DisplayFormat.Count(delivery.Attempts, "time")})",
        _ => "waiting to be sent",
    };

    private static string State(TargetState target) => target.Activity switch
    {
        TargetActivity.Stopped => $"**delivery stopped** after {target.Why}. Fix the cause, then `/config resume`.",
        TargetActivity.Paused => "paused with `/config pause`; `/config resume` starts it again.",
        _ when target.NextEpigraph is { } next => $"active, next epigraph <t:{next.ToUnixTimeSeconds()}:F>.",
        _ => "active.",
    };

    private static string Use(TargetUse use) => use switch
    {
        TargetUse.Epigraphs | TargetUse.Announcements => "epigraphs and announcements",
        TargetUse.Announcements => "announcements",
        _ => "epigraphs",
    };

    private static string Channel(string target) =>
        TargetKey.TryParse(target, out var key) && key.Kind == TargetKind.Discord ? $"<#{key.ChannelId}>" : target;
}
