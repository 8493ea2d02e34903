using CommunityBot.Announcements;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

public static class MastodonServiceCollectionExtensions
{
    /// <summary>The configured accounts: their check at start, their posts through the outbox, and replies to mentions.</summary>
    public static IServiceCollection AddMastodon(this IServiceCollection services)
    {
        services.AddOptions<MastodonOptions>().BindConfiguration(MastodonOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MastodonOptions>, MastodonOptionsValidator>();
        services.AddMastodonClient();
        services.AddSingleton<MastodonAccounts>();
        services.AddHostedService<MastodonAccountMonitor>();
        services.AddHostedService<MastodonMentionPoller>();
        services.AddSingleton<IDeliveryChannel, MastodonDeliveryChannel>();
        services.AddEpigraphTargets<MastodonEpigraphTargetSource>();
        services.AddAnnouncementTargets<MastodonAnnouncementTargetSource>();
        return services;
    }
}
