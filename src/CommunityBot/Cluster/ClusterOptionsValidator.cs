using Microsoft.Extensions.Options;

namespace CommunityBot.Cluster;

[OptionsValidator]
internal sealed partial class ClusterOptionsValidator : IValidateOptions<ClusterOptions>;
