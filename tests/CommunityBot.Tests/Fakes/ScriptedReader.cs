using System.Collections.Concurrent;

namespace CommunityBot.Tests;

/// <summary>Standard input for a test: lines are handed over one by one; null is end of input.</summary>
public sealed class ScriptedReader : TextReader
{
    private readonly BlockingCollection<string?> _lines = [];

    public void Type(string? line) => _lines.Add(line);

    public override string? ReadLine() => _lines.Take();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }
        base.Dispose(disposing);
    }
}
