using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        return services;
    }
}
