using CommunityBot.Clients.Mastodon;
using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

/// <summary>Every configured account, each with one client for the life of the process (it carries the rate limits).</summary>
public sealed class MastodonAccounts
{
    public MastodonAccounts(IOptions<MastodonOptions> options, IMastodonClientFactory factory)
    {
        All = [.. options.Value.Accounts.Select(a => Create(a, factory))];
    }

    public IReadOnlyList<MastodonAccount> All { get; }

    public MastodonAccount? Find(string target) => All.FirstOrDefault(a => a.Target == target);

    private static MastodonAccount Create(MastodonAccountOptions options, IMastodonClientFactory factory)
    {
        try
        {
            return new MastodonAccount(options, factory.Create(options.Name, options.Instance, options.AccessToken));
        }
        catch (ArgumentException exception)
        {
            return new MastodonAccount(options, new UnusableMastodonClient(options.Name, exception.Message)) { Problem = exception.Message };
        }
    }
}
