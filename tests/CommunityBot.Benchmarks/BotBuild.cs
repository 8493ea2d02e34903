namespace CommunityBot.Benchmarks;

internal static class BotBuild
{
    /// <summary>
    /// The Release-built bot, or the one given: a CommunityBot.dll (run with dotnet) or the native executable of
    /// <c>dotnet publish</c>. An argument error names the build command when it is missing.
    /// </summary>
    public static string Find(string repository, string? given)
    {
        var botDll = given ?? Path.Combine(repository, "src", "CommunityBot", "bin", "Release", "net10.0", "CommunityBot.dll");
        if (!File.Exists(botDll))
            throw new ArgumentException($"{botDll} not found; build it first: dotnet build -c Release src/CommunityBot");
        return botDll;
    }
}
