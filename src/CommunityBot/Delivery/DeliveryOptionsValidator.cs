using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

[OptionsValidator]
internal sealed partial class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>;
