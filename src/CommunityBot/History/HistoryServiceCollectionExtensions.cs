using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.History;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>The delivery history read by /config history and the <c>history</c> verb; needs storage.</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services)
    {
        services.TryAddSingleton<DeliveryHistory>();
        return services;
    }
}
