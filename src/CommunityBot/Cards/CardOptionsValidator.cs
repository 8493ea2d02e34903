using Microsoft.Extensions.Options;

namespace CommunityBot.Cards;

[OptionsValidator]
internal sealed partial class CardOptionsValidator : IValidateOptions<CardOptions>;
