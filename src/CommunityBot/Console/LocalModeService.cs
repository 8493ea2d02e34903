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
        var output = console.Output;
        var index = content.Index;
        await output.WriteLineAsync($"CommunityBot local mode: {index.Essays.Count} essays, {index.Quotes.Count} quotes loaded from {content.Directory}");
        if (content.Errors.Count > 0)
        {
            await output.WriteLineAsync($"{content.Errors.Count} problems in essay files (those files are skipped); run 'validate' to list them.");
        }

        var cron = schedule.Value.Epigraph.ToSchedule();
        if (await epigraphs.NextFireAsync(ConsoleEpigraphTargetSource.Target, stoppingToken) is { } due)
        {
            var local = TimeZoneInfo.ConvertTime(due, cron.TimeZone);
            await output.WriteLineAsync($"Next epigraph: {local:yyyy-MM-dd HH:mm} {cron.TimeZone.Id} (schedule '{cron.Text}').");
        }
        await output.WriteLineAsync("Type a command (help lists them); end of input (Ctrl+D) or Ctrl+C quits.");
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
            // Console reads do not observe cancellation; waiting on the read lets Ctrl+C end the loop at once.
            var line = await Task.Run(console.Input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
            if (line is null || line.Trim() is "quit" or "exit")
            {
                return;
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var parsed = CommandParser.Parse(line);
            var reply = parsed.Problem ?? commands.Execute(parsed.Request!);
            await console.Output.WriteLineAsync(ConsoleRenderer.Render(reply));
        }
    }
}
