using System.Text;

namespace CommunityBot.Tests;

/// <summary>Standard output for a test: everything written, and a way to wait for a line to appear.</summary>
public sealed class RecordingWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(Func<string, bool> Predicate, TaskCompletionSource Signal)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            var text = _text.ToString();
            foreach (var waiter in _waiters.Where(w => w.Predicate(text)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    /// <summary>Completes once the output contains <paramref name="fragment"/> <paramref name="count"/> times.</summary>
    public Task WaitForAsync(string fragment, int count = 1)
    {
        bool Seen(string text) => Occurrences(text, fragment) >= count;
        lock (_gate)
        {
            if (Seen(_text.ToString()))
            {
                return Task.CompletedTask;
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Seen, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static int Occurrences(string text, string fragment)
    {
        var count = 0;
        for (var at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
