using CommunityBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>The essay corpus: options, the store with its index, and the folder watcher for hot reload.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddSection<ContentOptions, ContentOptionsValidator>(ContentOptions.Section, (section, options) => section.Bind(options));
        services.AddSingleton<ContentStore>();
        services.AddHostedService<EssayFolderWatcher>();
        return services;
    }
}
