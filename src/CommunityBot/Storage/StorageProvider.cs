namespace CommunityBot.Storage;

public static class StorageProvider
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
}
