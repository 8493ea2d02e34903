using System.Diagnostics;

namespace CommunityBot.Tests;

/// <summary>The built bot started as a process, the way a person or a service manager starts it.</summary>
public static class BotProcess
{
    /// <summary>Names the native executable of an AOT publish; the built CommunityBot.dll runs when it is unset.</summary>
    public const string ExecutableVariable = "COMMUNITYBOT_EXECUTABLE";

    public static string? PublishedExecutable =>
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <param name="workingDirectory">Where relative paths (state/…) lead; the repository's root by default.</param>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var executable = PublishedExecutable;
        var start = new ProcessStartInfo(executable ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        if (executable is null)
        {
            start.ArgumentList.Add(RepositoryPaths.ProgramDll);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end with no input; the exit code and everything written to stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output)> RunToEndAsync(TimeSpan timeout, params string[] args) =>
        RunToEndAsync(timeout, null, args);

    public static async Task<(int ExitCode, string Output)> RunToEndAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var (exitCode, output, error) = await RunToEndSeparatelyAsync(timeout, environment, args);
        return (exitCode, output + error);
    }

    /// <summary>Runs to the end with no input; the exit code, and stdout and stderr each as written.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToEndSeparatelyAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(args, environment);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, await output, await error);
    }
}
