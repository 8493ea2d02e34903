using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Mastodon;

/// <summary>Runs <see cref="MastodonClientOptions"/>' own checks; generated, so it needs no reflection.</summary>
[OptionsValidator]
public sealed partial class MastodonClientOptionsValidator : IValidateOptions<MastodonClientOptions>;
