using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Configuration;

public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validated at start by its source-generated
    /// <c>[OptionsValidator]</c> (the options' own <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>
    /// checks, with messages that name each key), and lists the section for <see cref="ConfigurationCheck"/>.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSection<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSectionCheck<TOptions>(section);
        return services.AddOptionsWithValidateOnStart<TOptions, TValidator>().BindConfiguration(section);
    }

    /// <summary>Lists options that a client library binds and validates itself, so that they are checked before start too.</summary>
    public static IServiceCollection AddSectionCheck<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton(new OptionsSection(section, provider => provider.GetRequiredService<IOptions<TOptions>>().Value));
        return services;
    }
}
