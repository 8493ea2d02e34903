using CommunityBot.Tests.Clients.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Discord;

/// <summary>Sends every category's log lines to one <see cref="GatewayTestLogger"/>.</summary>
public sealed class TestLoggerProvider(GatewayTestLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
