namespace CommunityBot.Content;

/// <summary>A problem in one essay file, located well enough for an editor to jump to it.</summary>
public sealed record ContentError(string File, int Line, string Field, string Message)
{
    public override string ToString() => Line > 0
        ? $"{File}:{Line}: {Field}: {Message}"
        : $"{File}: {Field}: {Message}";
}
