using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Commands;

public static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.AddSingleton<CommandCore>();
        return services;
    }
}
