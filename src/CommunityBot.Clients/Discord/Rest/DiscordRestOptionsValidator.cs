using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Rest;

/// <summary>Runs <see cref="DiscordRestOptions"/>' own checks; generated, so it needs no reflection.</summary>
[OptionsValidator]
public sealed partial class DiscordRestOptionsValidator : IValidateOptions<DiscordRestOptions>;
