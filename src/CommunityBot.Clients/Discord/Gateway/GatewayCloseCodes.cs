namespace CommunityBot.Clients.Discord.Gateway;

internal static class GatewayCloseCodes
{
    public static string? FatalReason(GatewayCloseCode code) => code switch
    {
        GatewayCloseCode.AuthenticationFailed => "the Discord token was rejected (4004 Authentication failed); check the token",
        GatewayCloseCode.InvalidShard => "the shard id is not valid for the shard count (4010 Invalid shard); check the shard ids and the shard count",
        GatewayCloseCode.ShardingRequired => "Discord requires more shards for this bot (4011 Sharding required); raise the shard count or leave it unset",
        GatewayCloseCode.InvalidApiVersion => "the gateway API version is not valid (4012 Invalid API version)",
        GatewayCloseCode.InvalidIntents => "the intents are not valid (4013 Invalid intents); check the intents",
        GatewayCloseCode.DisallowedIntents => "the bot asked for privileged intents it is not allowed (4014 Disallowed intents); enable them in the Developer Portal or remove them from the intents",
        _ => null,
    };

    public static bool StartsNewSession(GatewayCloseCode code) => code is GatewayCloseCode.InvalidSequence or GatewayCloseCode.SessionTimedOut;
}
