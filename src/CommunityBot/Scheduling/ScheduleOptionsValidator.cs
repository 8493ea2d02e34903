using Microsoft.Extensions.Options;

namespace CommunityBot.Scheduling;

[OptionsValidator]
internal sealed partial class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>;
