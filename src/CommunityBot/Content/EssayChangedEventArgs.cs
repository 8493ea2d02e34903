namespace CommunityBot.Content;

public sealed class EssayChangedEventArgs(EssayChangeKind kind, Essay essay) : EventArgs
{
    public EssayChangeKind Kind { get; } = kind;

    public Essay Essay { get; } = essay;
}
