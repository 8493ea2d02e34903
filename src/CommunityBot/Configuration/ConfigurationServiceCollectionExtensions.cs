using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Configuration;

public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> with <paramref name="bind"/>, validated at
    /// start by its source-generated <c>[OptionsValidator]</c> (the options' own
    /// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> checks, with messages that name each key),
    /// and lists the section for <see cref="ConfigurationCheck"/>.
    /// </summary>
    /// <param name="bind">
    /// <c>(section, options) =&gt; section.Bind(options)</c>, written where the options type is known: the configuration
    /// binder's source generator (which a native AOT publish needs) generates binding code only for a concrete type.
    /// </param>
    public static OptionsBuilder<TOptions> AddSection<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        this IServiceCollection services, string section, Action<IConfiguration, TOptions> bind)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSectionCheck<TOptions>(section);
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(provider =>
            new ConfigurationChangeTokenSource<TOptions>(provider.GetRequiredService<IConfiguration>().GetSection(section)));
        return services.AddOptionsWithValidateOnStart<TOptions, TValidator>()
            .Configure<IConfiguration>((options, configuration) => bind(configuration.GetSection(section), options));
    }

    /// <summary>Lists options that are bound and validated elsewhere, so that they are checked before start too.</summary>
    public static IServiceCollection AddSectionCheck<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton(new OptionsSection(section, provider => provider.GetRequiredService<IOptions<TOptions>>().Value));
        return services;
    }

    /// <summary>
    /// Lists options of a client library, bound by the caller and validated by the library with messages that name
    /// the option only: the check puts <paramref name="section"/> in front, so that each names its key.
    /// </summary>
    public static IServiceCollection AddClientSectionCheck<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton(new OptionsSection(section, provider => provider.GetRequiredService<IOptions<TOptions>>().Value, $"{section}:"));
        return services;
    }
}
