using System.Diagnostics.CodeAnalysis;
using CommunityBot.Configuration;
using CommunityBot.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Announcements;

public static class AnnouncementsServiceCollectionExtensions
{
    /// <summary>
    /// New-essay announcements from the essays folder and the Feeds, through the outbox. Targets come from the
    /// <see cref="IAnnouncementTargetSource"/>s each mode adds. Needs AddStorage and AddContent.
    /// </summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<AnnouncementOptions, AnnouncementOptionsValidator>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(AnnouncementOptions.FeedsSection).Bind(options.Feeds));
        services.AddSectionCheck<AnnouncementOptions>(AnnouncementOptions.FeedsSection);
        services.AddHttpClient(FeedPoller.HttpClientName, client =>
        {
            // Each poll has its own deadline, Feeds:N:Timeout, over headers and body alike (FeedPoller).
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("CommunityBot/1.0 (+feed announcements)");
        });
        services.TryAddSingleton<DeliverySignal>();
        services.AddSingleton<Announcer>();
        services.AddHostedService<EssayFolderAnnouncer>();
        services.AddHostedService<FeedPoller>();
        return services;
    }

    /// <summary>Adds a kind of target that hears of every new essay.</summary>
    public static IServiceCollection AddAnnouncementTargets<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>(this IServiceCollection services)
        where TSource : class, IAnnouncementTargetSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnnouncementTargetSource, TSource>());
        return services;
    }
}
