namespace CommunityBot.Clients.Discord.Rest;

/// <summary>
/// The client refused to send a request: too many invalid requests lately, or a rate limit longer than allowed to wait.
/// </summary>
// Thrown without contacting Discord when too many recent requests were invalid: sending more
// would risk a Cloudflare ban of the whole IP.
public sealed class DiscordRequestRefusedException(string message) : Exception(message);
