using CommunityBot.Announcements;
using CommunityBot.Cards;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Configuration;
using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Mastodon;

public static class MastodonServiceCollectionExtensions
{
    /// <summary>The configured accounts: their check at start, their posts through the outbox, and replies to mentions.</summary>
    public static IServiceCollection AddMastodon(this IServiceCollection services)
    {
        services.AddSection<MastodonOptions, MastodonOptionsValidator>(MastodonOptions.Section, (section, options) => section.Bind(options));
        // The client library's AddMastodon: this one's name, without arguments, would call itself.
        Clients.Mastodon.MastodonServiceCollectionExtensions.AddMastodon(services);
        services.AddSingleton<MastodonAccounts>();
        services.AddHostedService<MastodonAccountMonitor>();
        // One poller, shared with the stream: they take turns on the account's cursor and hourly counts.
        services.AddSingleton<MastodonMentionPoller>();
        services.AddHostedService(provider => provider.GetRequiredService<MastodonMentionPoller>());
        services.AddHostedService<MastodonMentionStreamer>();
        services.AddSingleton<IDeliveryChannel, MastodonDeliveryChannel>();
        services.AddCardPreference<MastodonCardPreference>();
        services.AddEpigraphTargets<MastodonEpigraphTargetSource>();
        services.AddAnnouncementTargets<MastodonAnnouncementTargetSource>();
        return services;
    }
}
