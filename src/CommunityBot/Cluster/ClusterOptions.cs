using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommunityBot.Configuration;

namespace CommunityBot.Cluster;

public sealed class ClusterOptions : IValidatableObject
{
    public const string Section = "Cluster";

    // Quartz keeps the instance id in a VARCHAR(200) column of its clustered store.
    private const int MaxLength = 200;

    // Past this an instance's share of Discord's 50 requests a second is under one.
    public const int MaxSize = 50;

    /// <summary>
    /// The name this process goes by among the instances sharing one database: Quartz's scheduler instance id, the
    /// owner of the outbox rows it leases, and a field of its delivery log lines. Unique per running process; a
    /// restarted process that keeps its id takes back its own leases at once instead of waiting for them to expire.
    /// </summary>
    public string InstanceId { get; set; } = DefaultInstanceId;

    /// <summary>
    /// How many instances run with the bot's Discord token. Discord counts its global REST limit per token and its
    /// invalid-request limit per IP address; each instance keeps to its share of them (<c>Discord:GlobalRequestsPerSecond</c> and the
    /// invalid-request thresholds divided by this), so that together they stay within Discord's.
    /// </summary>
    public int Size { get; set; } = 1;

    /// <summary>The host name and the process id: unique among processes running at one time.</summary>
    public static string DefaultInstanceId => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        const string key = "Cluster:InstanceId";
        foreach (var result in OptionChecks.Required(key, InstanceId, "a name unique to this instance, e.g. bot-1 (the default is the host name and process id)"))
        {
            yield return result;
        }
        if (!string.IsNullOrWhiteSpace(InstanceId) && (InstanceId.Length > MaxLength || InstanceId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            yield return OptionChecks.Problem(key, InstanceId,
                string.Create(CultureInfo.InvariantCulture, $"is not an instance id; expected up to {MaxLength} characters without spaces, e.g. bot-1"));
        }
        foreach (var result in OptionChecks.Between("Cluster:Size", Size, 1, MaxSize, 3))
        {
            yield return result;
        }
    }
}
