namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The values of <c>allowed_mentions.parse</c>.</summary>
public static class AllowedMentionTypes
{
    public const string Users = "users";
    public const string Roles = "roles";
    public const string Everyone = "everyone";
}
