using Microsoft.Extensions.Options;

namespace CommunityBot.Content;

[OptionsValidator]
internal sealed partial class ContentOptionsValidator : IValidateOptions<ContentOptions>;
