using CommunityBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>This instance's identity among the instances that share one database.</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services)
    {
        services.AddSection<ClusterOptions, ClusterOptionsValidator>(ClusterOptions.Section, (section, options) => section.Bind(options));
        return services;
    }

    /// <summary>
    /// The instance id as configured, for what is set up before the container exists (Quartz's scheduler id);
    /// validated with the rest of the section at start.
    /// </summary>
    public static string InstanceId(IConfiguration configuration) =>
        configuration[$"{ClusterOptions.Section}:{nameof(ClusterOptions.InstanceId)}"] ?? ClusterOptions.DefaultInstanceId;
}
