using CommunityBot.Clients.Mastodon;
using CommunityBot.Delivery;

namespace CommunityBot.Mastodon;

/// <summary>One configured account at run time: its client, what the instance allows, and whether it works.</summary>
public sealed class MastodonAccount(MastodonAccountOptions options, IMastodonClient client)
{
    private bool _streaming;

    public MastodonAccountOptions Options { get; } = options;

    public IMastodonClient Client { get; } = client;

    public string Target => TargetKey.Mastodon(Options.Name).ToString();

    /// <summary>The account's own handle, from verify_credentials; mentions of it are removed from commands.</summary>
    public string? Username { get; set; }

    public StatusBudget Budget { get; set; } = StatusBudget.Default;

    /// <summary>The instance's streaming base (<c>configuration.urls.streaming</c>); null means the instance's own host.</summary>
    public string? StreamingUrl { get; set; }

    /// <summary>
    /// True while its notification stream is open and everything before it was read by a poll: its mentions then come
    /// through the stream, and the poller leaves the account alone.
    /// </summary>
    public bool Streaming
    {
        get => Volatile.Read(ref _streaming);
        set => Volatile.Write(ref _streaming, value);
    }

    /// <summary>Whether the "not marked as a bot" warning was given; it is given once per run.</summary>
    public bool BotFlagWarned { get; set; }

    /// <summary>Why the account is not in use (a rejected token, an unreachable instance), or null when it is.</summary>
    public string? Problem { get; set; }
}
