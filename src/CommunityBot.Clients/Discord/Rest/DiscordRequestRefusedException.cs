namespace CommunityBot.Clients.Discord.Rest;

// Thrown without contacting Discord when too many recent requests were invalid: sending more
// would risk a Cloudflare ban of the whole IP.
public sealed class DiscordRequestRefusedException(string message) : Exception(message);
