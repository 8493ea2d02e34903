using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommunityBot.Console;

/// <summary>
/// Local mode: the console is the only target. It says what was loaded and when the next epigraph is due, and
/// answers commands typed at the prompt until end of input. The console's Quartz trigger posts the epigraphs and
/// its delivery channel prints them, as for any other target.
/// </summary>
public sealed class LocalModeService(
    LocalConsole console,
    ContentStore content,
    CommandCore commands,
    IEpigraphScheduler epigraphs,
    IOptions<ScheduleOptions> schedule,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var index = content.Index;
        console.WriteLine($"CommunityBot local mode: {DisplayFormat.Count(index.Essays.Count, "essay")}, {DisplayFormat.Count(index.Quotes.Count, "quote")} loaded from {content.Directory}");
        if (content.Errors.Count > 0)
        {
            console.WriteLine($"{DisplayFormat.Count(content.Errors.Count, "problem")} in essay files (those files are skipped); run 'validate' to list them.");
        }

        var cron = schedule.Value.Epigraph.ToSchedule();
        if (await epigraphs.NextFireAsync(ConsoleEpigraphTargetSource.Target, stoppingToken) is { } due)
        {
            var local = TimeZoneInfo.ConvertTime(due, cron.TimeZone);
            console.WriteLine($"Next epigraph: {local:yyyy-MM-dd HH:mm} {cron.TimeZone.Id} (schedule '{cron.Text}').");
        }
        console.WriteLine("Type a command (help lists them); quit, end of input (Ctrl+D) or Ctrl+C stops.");
        try
        {
            await AnswerCommandsAsync(stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task AnswerCommandsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await console.ReadLineAsync(stoppingToken);
            if (line is null || LocalConsole.QuitWords.Contains(line.Trim().ToLowerInvariant()))
            {
                return;
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var parsed = CommandParser.Parse(line);
            var reply = parsed.Problem ?? commands.Execute(parsed.Request!);
            console.WriteLine(ConsoleRenderer.RenderForPrompt(reply));
        }
    }
}
