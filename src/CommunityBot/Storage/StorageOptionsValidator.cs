using Microsoft.Extensions.Options;

namespace CommunityBot.Storage;

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
