using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Storage:Provider must be Sqlite or Postgres")]
    public string Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For SQLite a relative file is created under the working directory, folder included.</summary>
    [Required(ErrorMessage = "Storage:ConnectionString is required, e.g. Data Source=state/communitybot.db")]
    public string ConnectionString { get; set; } = "Data Source=state/communitybot.db";

    public bool IsPostgres => Provider == StorageProvider.Postgres;
}
