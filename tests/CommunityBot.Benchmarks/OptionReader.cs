using System.Globalization;

namespace CommunityBot.Benchmarks;

/// <summary>`--name value` pairs of one mode; every value is checked, and a name no mode asked for is an error.</summary>
internal sealed class OptionReader
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public OptionReader(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"{args[i]}: expected --name value");
            _values[args[i]] = args[i + 1];
        }
    }

    public double Number(string name, double fallback, double min, double max)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
            return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{name}: '{text}' is not a number from {min} to {max}");
        return value;
    }

    public int Count(string name, int fallback, int min, int max) => (int)Number(name, fallback, min, max);

    public string Choice(string name, params string[] allowed)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
            return allowed[0];
        return allowed.Contains(text, StringComparer.Ordinal) ? text : throw new ArgumentException($"{name}: '{text}' is not one of {string.Join(", ", allowed)}");
    }

    /// <summary>A comma-separated list of whole numbers, each from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public IReadOnlyList<int> Counts(string name, IReadOnlyList<int> fallback, int min, int max)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
            return fallback;
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw new ArgumentException($"{name}: '{text}' is not a list of whole numbers from {min} to {max}, e.g. 1,2,3");
            counts.Add(value);
        }
        return counts;
    }

    public string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var text) ? text : null;
    }

    public string? Path(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var text) ? System.IO.Path.GetFullPath(text) : null;
    }

    /// <summary>Call after reading every option the mode knows.</summary>
    public void RejectUnknown()
    {
        foreach (var name in _values.Keys)
        {
            if (!_read.Contains(name))
                throw new ArgumentException($"unknown option {name}");
        }
    }
}
