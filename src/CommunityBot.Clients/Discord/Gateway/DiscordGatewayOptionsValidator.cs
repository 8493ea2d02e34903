using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>Runs <see cref="DiscordGatewayOptions"/>' own checks; generated, so it needs no reflection.</summary>
[OptionsValidator]
public sealed partial class DiscordGatewayOptionsValidator : IValidateOptions<DiscordGatewayOptions>;
