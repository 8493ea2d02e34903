namespace CommunityBot.Tests.Publishing;

/// <summary>
/// A fact about the native executable of <c>dotnet publish</c>: it runs only when <see cref="BotProcess.ExecutableVariable"/>
/// names one (.ci/run publishes and sets it), since a publish takes minutes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublishedExecutableFactAttribute : FactAttribute
{
    public PublishedExecutableFactAttribute()
    {
        if (BotProcess.PublishedExecutable is null)
        {
            Skip = $"{BotProcess.ExecutableVariable} names no published executable";
        }
    }
}
