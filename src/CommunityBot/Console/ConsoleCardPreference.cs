using CommunityBot.Cards;
using CommunityBot.Delivery;

namespace CommunityBot.Console;

/// <summary>The console takes a card with every epigraph once Cards:Enabled is on: it is there to show what posts look like.</summary>
public sealed class ConsoleCardPreference : ICardPreference
{
    public TargetKind Kind => TargetKind.Console;

    public Task<bool> WantsCardAsync(TargetKey target, CancellationToken cancellationToken) => Task.FromResult(true);
}
