using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommunityBot.Console;

/// <summary>
/// Local mode: the console is the only target. It says what was loaded and when the next epigraph is due,
/// prints scheduled epigraphs, and answers commands typed at the prompt until end of input.
/// </summary>
public sealed class LocalModeService(
    LocalConsole console,
    ContentStore content,
    CommandCore commands,
    IOptions<ScheduleOptions> schedule,
    TimeProvider time,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var output = console.Output;
        var index = content.Index;
        await output.WriteLineAsync($"CommunityBot local mode: {index.Essays.Count} essays, {index.Quotes.Count} quotes loaded from {content.Directory}");
        if (content.Errors.Count > 0)
        {
            await output.WriteLineAsync($"{content.Errors.Count} problems in essay files (those files are skipped); run 'validate' to list them.");
        }

        using var endOfInput = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var epigraphs = PostEpigraphsAsync(schedule.Value.Epigraph.ToSchedule(), endOfInput.Token);
        await output.WriteLineAsync("Type a command (help lists them); end of input (Ctrl+D) or Ctrl+C quits.");
        try
        {
            await AnswerCommandsAsync(stoppingToken);
        }
        finally
        {
            await endOfInput.CancelAsync();
            await epigraphs.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

    private async Task PostEpigraphsAsync(CronSchedule cron, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (cron.NextAfter(now) is not { } due)
            {
                return;
            }
            var local = TimeZoneInfo.ConvertTime(due, cron.TimeZone);
            await console.Output.WriteLineAsync($"Next epigraph: {local:yyyy-MM-dd HH:mm} {cron.TimeZone.Id} (schedule '{cron.Text}').");
            for (var remaining = due - now; remaining > TimeSpan.Zero; remaining = due - time.GetUtcNow())
            {
                // Timers take at most about 49 days; a yearly schedule waits in steps.
                await Task.Delay(remaining < LongestWait ? remaining : LongestWait, time, stoppingToken);
            }
            var reply = commands.Execute(new CommandRequest("epigraph"));
            await console.Output.WriteLineAsync($"[scheduled epigraph, {local:yyyy-MM-dd HH:mm}]{Environment.NewLine}{ConsoleRenderer.Render(reply)}");
        }
    }
}
