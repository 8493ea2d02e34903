using CommunityBot.Cards;
using CommunityBot.Delivery;

namespace CommunityBot.Mastodon;

/// <summary>An account takes cards when its Mastodon:Accounts:N:Cards is on.</summary>
public sealed class MastodonCardPreference(MastodonAccounts accounts) : ICardPreference
{
    public TargetKind Kind => TargetKind.Mastodon;

    public Task<bool> WantsCardAsync(TargetKey target, CancellationToken cancellationToken) =>
        Task.FromResult(accounts.Find(target.ToString()) is { Options.Cards: true });
}
