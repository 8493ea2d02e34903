namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>The gateway events a session asks for; interactions come whatever the intents.</summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>No intents: interactions only.</summary>
    None = 0,

    /// <summary>Guilds joined, left and changed, their channels and roles.</summary>
    Guilds = 1 << 0,

    /// <summary>Members joining, leaving and changing (privileged).</summary>
    GuildMembers = 1 << 1,

    /// <summary>Bans.</summary>
    GuildModeration = 1 << 2,

    /// <summary>Emojis and stickers.</summary>
    GuildExpressions = 1 << 3,

    /// <summary>Integrations.</summary>
    GuildIntegrations = 1 << 4,

    /// <summary>Webhooks.</summary>
    GuildWebhooks = 1 << 5,

    /// <summary>Invites.</summary>
    GuildInvites = 1 << 6,

    /// <summary>Voice states.</summary>
    GuildVoiceStates = 1 << 7,

    /// <summary>Presences (privileged).</summary>
    GuildPresences = 1 << 8,

    /// <summary>Messages in guilds.</summary>
    GuildMessages = 1 << 9,

    /// <summary>Reactions in guilds.</summary>
    GuildMessageReactions = 1 << 10,

    /// <summary>Typing in guilds.</summary>
    GuildMessageTyping = 1 << 11,

    /// <summary>Direct messages.</summary>
    DirectMessages = 1 << 12,

    /// <summary>Reactions in direct messages.</summary>
    DirectMessageReactions = 1 << 13,

    /// <summary>Typing in direct messages.</summary>
    DirectMessageTyping = 1 << 14,

    /// <summary>The content of messages (privileged).</summary>
    MessageContent = 1 << 15,

    /// <summary>Scheduled events.</summary>
    GuildScheduledEvents = 1 << 16,
}
