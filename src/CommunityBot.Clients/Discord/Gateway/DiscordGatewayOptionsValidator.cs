using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Gateway;

[OptionsValidator]
public sealed partial class DiscordGatewayOptionsValidator : IValidateOptions<DiscordGatewayOptions>;
