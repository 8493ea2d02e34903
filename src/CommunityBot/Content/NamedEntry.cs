namespace CommunityBot.Content;

/// <summary>A title or an author with its folded words, ready for <see cref="NameMatcher"/>.</summary>
public readonly record struct NamedEntry<T>(T Value, string Name, string[] Words)
{
    public NamedEntry(T value, string name)
        : this(value, name, [.. TextFolding.Tokens(name)])
    {
    }
}
