using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

[OptionsValidator]
internal sealed partial class MastodonOptionsValidator : IValidateOptions<MastodonOptions>;
