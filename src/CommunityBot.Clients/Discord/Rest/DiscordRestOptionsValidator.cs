using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Rest;

[OptionsValidator]
internal sealed partial class DiscordRestOptionsValidator : IValidateOptions<DiscordRestOptions>;
