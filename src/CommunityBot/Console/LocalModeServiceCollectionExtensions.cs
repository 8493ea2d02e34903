using CommunityBot.Cards;
using CommunityBot.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Console;

public static class LocalModeServiceCollectionExtensions
{
    /// <summary>The console as a target: scheduled epigraphs printed, commands read from standard input.</summary>
    public static IServiceCollection AddLocalMode(this IServiceCollection services)
    {
        services.TryAddSingleton(new LocalConsole(System.Console.In, System.Console.Out));
        services.AddHostedService<LocalModeService>();
        services.AddSingleton<IDeliveryChannel, ConsoleDeliveryChannel>();
        services.AddCardPreference<ConsoleCardPreference>();
        return services;
    }
}
