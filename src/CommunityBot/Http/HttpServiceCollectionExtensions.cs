using CommunityBot.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>The listener of <c>Http:Urls</c>; call it only when that key is set.</summary>
    public static IServiceCollection AddHttpListener(this IServiceCollection services)
    {
        services.AddSection<HttpOptions, HttpOptionsValidator>(HttpOptions.Section);
        services.AddSingleton<ReadinessProbe>();
        services.AddHostedService<HttpListenerService>();
        return services;
    }
}
