using System.Diagnostics;

namespace CommunityBot.Benchmarks;

/// <summary>
/// The bot under test, started with `dotnet` (a .dll) or as itself (the native executable of an AOT publish), and
/// pointed at the fake through environment variables.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    public int Id => _process.Id;
    public long StartedAt { get; }
    public bool HasExited => _process.HasExited;

    public static BotProcess Start(string botDll, string apiBaseUrl, string contentPath, string logPath,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // Through sh so the bot's output goes straight to a file (nothing for us to drain) and, with exec,
        // the pid we hold is the bot's own.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(botDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? "exec dotnet \"$0\" >\"$BENCH_BOT_LOG\" 2>&1"
            : "exec \"$0\" >\"$BENCH_BOT_LOG\" 2>&1");
        start.ArgumentList.Add(botDll);
        start.Environment["BENCH_BOT_LOG"] = logPath;
        start.Environment["Discord__Token"] = "bench-token";
        start.Environment["Discord__ApplicationId"] = GatewayFrames.ApplicationId.ToString();
        start.Environment["Discord__ApiBaseUrl"] = apiBaseUrl;
        start.Environment["Content__Path"] = contentPath;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {botDll}");
        return new BotProcess(process, startedAt);
    }

    public ProcessStatus Status() => ProcessStatus.Read(_process.Id);

    /// <summary>SIGTERM for a clean host shutdown, then SIGKILL if it is not gone within the grace period.</summary>
    public void Stop(TimeSpan grace)
    {
        if (_process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            term?.WaitForExit(grace);
        if (!_process.WaitForExit(grace))
        {
            _process.Kill();
            _process.WaitForExit(grace);
        }
    }

    public void Dispose() => _process.Dispose();
}
