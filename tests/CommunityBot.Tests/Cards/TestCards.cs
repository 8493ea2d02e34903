using CommunityBot.Cards;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Content;
using CommunityBot.Discord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Cards;

/// <summary>Cards as the tests that are not about them have them: off, as Cards:Enabled is by default.</summary>
internal static class TestCards
{
    public static CardStudio Off() =>
        new(Options.Create(new CardOptions()), Options.Create(new ContentOptions()), [], NullLogger<CardStudio>.Instance);

    public static DiscordDeliveryChannel Discord(DiscordRestClient rest) => new(rest, Off());
}
