namespace CommunityBot.Clients.Discord.JsonModels;

public static class AllowedMentionTypes
{
    public const string Users = "users";
    public const string Roles = "roles";
    public const string Everyone = "everyone";
}
