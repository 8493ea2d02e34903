using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Configuration;

/// <summary>
/// Binds and validates every listed section, and says what is wrong with each as one line that names the key in
/// configuration syntax, the value and what is expected.
/// </summary>
public static partial class ConfigurationCheck
{
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var problems = new List<string>();
        foreach (var section in services.GetServices<OptionsSection>())
        {
            try
            {
                section.Resolve(services);
            }
            catch (OptionsValidationException validation)
            {
                problems.AddRange(validation.Failures.Where(f => !problems.Contains(f)));
            }
            catch (InvalidOperationException binding) when (BindingProblem(binding, configuration) is { } problem)
            {
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
            catch (Exception exception) when (exception is ArgumentException or IOException or NotSupportedException or FormatException or InvalidOperationException)
            {
                // A value a check cannot even look at (a path with a NUL in it, say) is still one line, not a trace.
                problems.Add($"{section.Name}: a value cannot be used: {exception.Message}");
            }
        }
        return problems;
    }

    /// <summary>A value that could not be converted to its key's type, as the configuration binder reports it.</summary>
    internal static string? BindingProblem(InvalidOperationException exception, IConfiguration configuration)
    {
        var match = FailedConversion().Match(exception.Message);
        if (!match.Success)
        {
            return null;
        }
        var key = match.Groups["key"].Value;
        var value = match.Groups["value"].Success ? match.Groups["value"].Value : configuration[key] ?? "";
        return $"{key}: '{value}' is not {Expected(match.Groups["type"].Value)}";
    }

    private static string Expected(string type) => type switch
    {
        "System.TimeSpan" => "a duration; expected [d.]hh:mm:ss, e.g. 00:00:30",
        "System.Int32" or "System.Int64" => "a whole number; expected e.g. 10",
        "System.UInt64" => "an id; expected a Discord snowflake, e.g. 123456789012345678",
        "System.Boolean" => "true or false",
        "System.Uri" => "an address; expected e.g. https://example.org",
        _ when type == typeof(Mastodon.LongQuoteStyle).FullName => $"a long-quote style; expected one of {string.Join(", ", Enum.GetNames<Mastodon.LongQuoteStyle>())}",
        _ when NullableOf().Match(type) is { Success: true } nullable => Expected(nullable.Groups["type"].Value),
        _ => $"a value of type {type}",
    };

    // The reflection binder names the value; the source-generated binder does not.
    [GeneratedRegex(@"^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedConversion();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<type>[^,\]]+)")]
    private static partial Regex NullableOf();
}
