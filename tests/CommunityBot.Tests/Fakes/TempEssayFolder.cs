namespace CommunityBot.Tests;

/// <summary>A throwaway essays folder for one test.</summary>
public sealed class TempEssayFolder : IDisposable
{
    public TempEssayFolder()
    {
        Path = Directory.CreateTempSubdirectory("communitybot-essays-").FullName;
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string Essay(string title, string epigraph = "Words worth repeating.", string author = "Someone") =>
        $"---\ntitle: {title}\nepigraph:\n  text: \"{epigraph}\"\n  author: {author}\n---\n";

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
