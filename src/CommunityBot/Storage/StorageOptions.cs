using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Storage;

public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public string Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For SQLite a relative file is created under the working directory, folder included.</summary>
    public string ConnectionString { get; set; } = "Data Source=state/communitybot.db";

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not (StorageProvider.Sqlite or StorageProvider.Postgres))
        {
            yield return OptionChecks.Problem("Storage:Provider", Provider, $"is not a storage provider; expected {StorageProvider.Sqlite} or {StorageProvider.Postgres}");
        }
        foreach (var result in OptionChecks.Required("Storage:ConnectionString", ConnectionString, "e.g. Data Source=state/communitybot.db"))
        {
            yield return result;
        }
    }
}
