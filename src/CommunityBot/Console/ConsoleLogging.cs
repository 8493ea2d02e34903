using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CommunityBot.Console;

/// <summary>
/// The log when a person reads the console (local mode, one-shot verbs): standard output carries only answers and
/// posts, and log lines go to standard error from a level up, so that routine lines never mix into an answer while
/// warnings still reach the terminal. Logging:Console:LogLevel in the configuration, when given, sets the level.
/// </summary>
public static class ConsoleLogging
{
    public static ILoggingBuilder KeepOutOfAnswers(this ILoggingBuilder logging, IConfiguration configuration, LogLevel minimum)
    {
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!configuration.GetSection("Logging:Console:LogLevel").Exists())
        {
            // A rule for the console provider wins over the general Logging:LogLevel rules of appsettings.json.
            logging.AddFilter<ConsoleLoggerProvider>(null, minimum);
        }
        return logging;
    }
}
