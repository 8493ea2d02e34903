using CommunityBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The outbox worker and its wake-up across instances; each capability adds its own <see cref="IDeliveryChannel"/>.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSection<DeliveryOptions, DeliveryOptionsValidator>(DeliveryOptions.Section, (section, options) => section.Bind(options));
        services.AddSingleton<DeliverySignal>();
        services.AddHostedService<DeliveryWorker>();
        services.AddHostedService<OutboxWakeUpListener>();
        return services;
    }
}
