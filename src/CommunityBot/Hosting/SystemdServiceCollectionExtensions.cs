using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace CommunityBot.Hosting;

public static class SystemdServiceCollectionExtensions
{
    private const string NotifySocket = "NOTIFY_SOCKET";

    /// <summary>
    /// Under systemd: READY=1 once the host has started and STOPPING=1 when it stops (Type=notify), and log lines in
    /// journald's format. Elsewhere nothing changes, except that a supervisor which sets NOTIFY_SOCKET without being
    /// our parent systemd (a container's init, a test) is notified too: the variable is the protocol's whole contract.
    /// </summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services)
    {
        services.AddSystemd();
        if (!SystemdHelpers.IsSystemdService() && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NotifySocket)))
        {
            services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
        return services;
    }
}
