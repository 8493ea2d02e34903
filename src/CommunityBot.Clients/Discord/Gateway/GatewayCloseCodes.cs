namespace CommunityBot.Clients.Discord.Gateway;

internal static class GatewayCloseCodes
{
    // Any code but 1000/1001 keeps the session resumable, so this is what we close with when we mean to resume.
    public const int Resumable = 4000;

    public static string? FatalReason(int code) => code switch
    {
        4004 => "the Discord token was rejected (4004 Authentication failed); check Discord:Token",
        4010 => "the shard id is not valid for the shard count (4010 Invalid shard); check Discord:ShardIds and Discord:ShardCount",
        4011 => "Discord requires more shards for this bot (4011 Sharding required); raise Discord:ShardCount or leave it unset",
        4012 => "the gateway API version is not valid (4012 Invalid API version)",
        4013 => "the intents are not valid (4013 Invalid intents); check Discord:Intents",
        4014 => "the bot asked for privileged intents it is not allowed (4014 Disallowed intents); enable them in the Developer Portal or remove them from Discord:Intents",
        _ => null,
    };

    public static bool StartsNewSession(int code) => code is 4007 or 4009;
}
