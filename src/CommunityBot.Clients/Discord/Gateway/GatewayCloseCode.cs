namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>Why Discord closed a gateway connection, or why we close it; the WebSocket close status.</summary>
public enum GatewayCloseCode
{
    /// <summary>Closed without a status.</summary>
    None = 0,

    /// <summary>A normal closure; Discord ends the session.</summary>
    NormalClosure = 1000,

    /// <summary>Going away; Discord ends the session.</summary>
    GoingAway = 1001,

    /// <summary>Unknown error; also what we close with when we mean to resume, since any code but 1000/1001 keeps the session.</summary>
    UnknownError = 4000,

    /// <summary>An invalid opcode was sent.</summary>
    UnknownOpcode = 4001,

    /// <summary>An invalid payload was sent.</summary>
    DecodeError = 4002,

    /// <summary>A payload was sent before identifying.</summary>
    NotAuthenticated = 4003,

    /// <summary>The token was rejected.</summary>
    AuthenticationFailed = 4004,

    /// <summary>A second identify on the same connection.</summary>
    AlreadyAuthenticated = 4005,

    /// <summary>A resume with a sequence number Discord no longer has.</summary>
    InvalidSequence = 4007,

    /// <summary>Payloads were sent too fast.</summary>
    RateLimited = 4008,

    /// <summary>The session timed out.</summary>
    SessionTimedOut = 4009,

    /// <summary>The shard id is not valid for the shard count.</summary>
    InvalidShard = 4010,

    /// <summary>The bot needs more shards.</summary>
    ShardingRequired = 4011,

    /// <summary>The gateway API version is not valid.</summary>
    InvalidApiVersion = 4012,

    /// <summary>The intents are not a valid bit field.</summary>
    InvalidIntents = 4013,

    /// <summary>The bot asked for privileged intents it is not allowed.</summary>
    DisallowedIntents = 4014,
}
