namespace CommunityBot.Tests;

/// <summary>
/// The trait of the tests that start the bot as a process (through <see cref="BotProcess"/>): .ci/aot-smoke runs them
/// again against the native executable it publishes.
/// </summary>
public static class ProcessTest
{
    public const string Category = "Category";
    public const string Process = "Process";
}
