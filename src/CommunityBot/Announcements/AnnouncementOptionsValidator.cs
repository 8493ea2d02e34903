using Microsoft.Extensions.Options;

namespace CommunityBot.Announcements;

[OptionsValidator]
internal sealed partial class AnnouncementOptionsValidator : IValidateOptions<AnnouncementOptions>;
