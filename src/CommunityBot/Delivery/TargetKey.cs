using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunityBot.Delivery;

/// <summary>
/// Where a post goes: "console", "discord:{guild}:{channel}" or "mastodon:{account}". Storage, Quartz and the
/// logs keep the text form; this is the one place that writes and reads it.
/// </summary>
public readonly record struct TargetKey
{
    private const string ConsoleText = "console";
    private const string DiscordText = "discord";
    private const string MastodonText = "mastodon";

    private TargetKey(TargetKind kind, ulong guildId, ulong channelId, string? account)
    {
        Kind = kind;
        GuildId = guildId;
        ChannelId = channelId;
        Account = account;
    }

    public static TargetKey Console { get; } = new(TargetKind.Console, 0, 0, null);

    public TargetKind Kind { get; }

    /// <summary>The guild of a Discord target; 0 for the others.</summary>
    public ulong GuildId { get; }

    /// <summary>The channel of a Discord target; 0 for the others.</summary>
    public ulong ChannelId { get; }

    /// <summary>The account name of a Mastodon target; null for the others.</summary>
    public string? Account { get; }

    /// <summary>
    /// The targets that share this one's credential: every Discord channel goes out with the one bot token, each
    /// Mastodon account with its own. A refused credential stops the transport, not one target.
    /// </summary>
    public string Transport => Kind == TargetKind.Mastodon ? ToString() : Prefix(Kind);

    /// <summary>The kind as a target's text starts with it: <c>discord</c>, <c>mastodon</c> or <c>console</c>.</summary>
    public string KindText => Prefix(Kind);

    public static TargetKey Discord(ulong guildId, ulong channelId) => new(TargetKind.Discord, guildId, channelId, null);

    public static TargetKey Mastodon(string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return new(TargetKind.Mastodon, 0, 0, account);
    }

    /// <summary>What the text of every target of one guild starts with, for prefix queries over stored keys.</summary>
    public static string DiscordGuildPrefix(ulong guildId) =>
        string.Create(CultureInfo.InvariantCulture, $"{DiscordText}:{guildId}:");

    public static bool TryParse([NotNullWhen(true)] string? text, out TargetKey key)
    {
        key = default;
        if (text is null)
        {
            return false;
        }
        if (text == ConsoleText)
        {
            key = Console;
            return true;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }
        var rest = text.AsSpan(colon + 1);
        switch (text.AsSpan(0, colon))
        {
            case MastodonText when !rest.IsWhiteSpace():
                key = Mastodon(rest.ToString());
                return true;
            case DiscordText:
                var second = rest.IndexOf(':');
                if (second > 0
                    && ulong.TryParse(rest[..second], NumberStyles.None, CultureInfo.InvariantCulture, out var guild)
                    && ulong.TryParse(rest[(second + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var channel))
                {
                    key = Discord(guild, channel);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    public static TargetKey Parse(string text) =>
        TryParse(text, out var key)
            ? key
            : throw new FormatException($"'{text}' is not a target (console, discord:<guild>:<channel> or mastodon:<account>)");

    public override string ToString() => Kind switch
    {
        TargetKind.Discord => string.Create(CultureInfo.InvariantCulture, $"{DiscordText}:{GuildId}:{ChannelId}"),
        TargetKind.Mastodon => $"{MastodonText}:{Account}",
        _ => ConsoleText,
    };

    private static string Prefix(TargetKind kind) => kind switch
    {
        TargetKind.Discord => DiscordText,
        TargetKind.Mastodon => MastodonText,
        _ => ConsoleText,
    };
}
