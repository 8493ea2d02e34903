using Microsoft.Extensions.Options;

namespace CommunityBot.Http;

[OptionsValidator]
internal sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;
