using System.Diagnostics;

namespace CommunityBot.Tests;

/// <summary>A bot in local mode that has started: its trigger is in the database and it waits for commands.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Task _reading;

    private RunningBot(Process process)
    {
        _process = process;
        _reading = PumpAsync(process.StandardOutput, Output);
        // Drained so that a full pipe never blocks the bot.
        _ = process.StandardError.ReadToEndAsync();
    }

    public RecordingWriter Output { get; } = new();

    public static async Task<RunningBot> StartAsync(string[] args, string? workingDirectory = null)
    {
        var bot = new RunningBot(BotProcess.Start(args, workingDirectory: workingDirectory));
        await bot.Output.WaitForAsync("Type a command");
        return bot;
    }

    public async Task AskAsync(string command, string answer)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        await Output.WaitForAsync(answer);
    }

    /// <summary>Ends its input, as Ctrl+D does, and waits for it to exit.</summary>
    public async Task<int> StopAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(_timeout);
        await _reading;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, RecordingWriter output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await output.WriteLineAsync(line);
        }
    }
}
