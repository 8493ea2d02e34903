using System.Diagnostics.CodeAnalysis;
using CommunityBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Cards;

public static class CardsServiceCollectionExtensions
{
    /// <summary>Quote cards for scheduled epigraphs; each kind of target adds its <see cref="ICardPreference"/>.</summary>
    public static IServiceCollection AddCards(this IServiceCollection services)
    {
        services.AddSection<CardOptions, CardOptionsValidator>(CardOptions.Section, (section, options) => section.Bind(options));
        services.TryAddSingleton<CardStudio>();
        services.AddHostedService(provider => provider.GetRequiredService<CardStudio>());
        return services;
    }

    public static IServiceCollection AddCardPreference<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPreference>(this IServiceCollection services)
        where TPreference : class, ICardPreference
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardPreference, TPreference>());
        // The channel that asked sends cards; without AddCards they stay off (Cards:Enabled is false by default).
        services.TryAddSingleton<CardStudio>();
        return services;
    }
}
