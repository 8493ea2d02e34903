using System.Diagnostics;

namespace CommunityBot.Tests.Cluster;

/// <summary>
/// One instance of the built bot in a cluster test: its process, and every line it wrote to stdout and stderr, kept
/// as lines (a cluster's instances write thousands, more than a character-by-character recorder keeps up with).
/// </summary>
public sealed class BotInstance : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task _reading;

    private BotInstance(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.StandardInput.Close();
        _reading = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static BotInstance Start(string name, IReadOnlyDictionary<string, string> environment) =>
        new(name, BotProcess.Start([], environment));

    /// <summary>Waits until a line contains <paramref name="fragment"/>; fails at once if the process ended first.</summary>
    public async Task WaitForAsync(string fragment, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_lines)
            {
                if (_lines.Exists(line => line.Contains(fragment, StringComparison.Ordinal)))
                {
                    return;
                }
            }
            Assert.False(_process.HasExited, $"instance {Name} exited (code {(_process.HasExited ? _process.ExitCode : 0)}) before writing '{fragment}':\n{Output}");
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"instance {Name} did not write '{fragment}' within {timeout}:\n{Output}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs, leases and locks are left as they were.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        await _reading.WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
