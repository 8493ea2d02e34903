using CommunityBot.Clients.Mastodon;
using CommunityBot.Delivery;

namespace CommunityBot.Mastodon;

/// <summary>One configured account at run time: its client, what the instance allows, and whether it works.</summary>
public sealed class MastodonAccount(MastodonAccountOptions options, IMastodonClient client)
{
    public MastodonAccountOptions Options { get; } = options;

    public IMastodonClient Client { get; } = client;

    public string Target => TargetKey.Mastodon(Options.Name).ToString();

    /// <summary>The account's own handle, from verify_credentials; mentions of it are removed from commands.</summary>
    public string? Username { get; set; }

    public StatusBudget Budget { get; set; } = StatusBudget.Default;

    /// <summary>Why the account is not in use (a rejected token, an unreachable instance), or null when it is.</summary>
    public string? Problem { get; set; }
}
