using CommunityBot.Commands;
using CommunityBot.Storage;

namespace CommunityBot.Scheduling;

/// <summary>
/// A shuffled walk: each post is drawn uniformly from what the round has not shown yet, so every quote comes once
/// before any comes again. The pool is read afresh each time, so a new essay joins the current round and a
/// removed one simply stops being drawn.
/// </summary>
public static class EpigraphRotation
{
    /// <summary>The state with <see cref="RotationState.Next"/> chosen, starting a new round when this one is done.</summary>
    public static RotationState WithNext(RotationState state, IReadOnlyCollection<string> pool, IRandomSource random)
    {
        if (state.Next is { } next && pool.Contains(next) && !state.Shown.Contains(next))
        {
            return state;
        }
        var remaining = Unshown(pool, state.Shown);
        if (remaining.Count == 0)
        {
            return NewRound(state, pool, random, justShown: null);
        }
        return state with { Next = remaining[random.Pick(remaining.Count)] };
    }

    /// <summary>After <see cref="RotationState.Next"/> was posted under <paramref name="postKey"/>.</summary>
    public static RotationState Advance(RotationState state, IReadOnlyCollection<string> pool, IRandomSource random, string postKey)
    {
        var posted = state.Next ?? throw new InvalidOperationException("Nothing was chosen to post.");
        var shown = new HashSet<string>(state.Shown, StringComparer.Ordinal) { posted };
        var advanced = state with { Shown = shown, Next = null, LastPostKey = postKey };
        return Unshown(pool, shown).Count == 0 ? NewRound(advanced, pool, random, posted) : advanced;
    }

    // The new round's first draw avoids the quote that just ended the old one, so the seam shows no repeat either.
    private static RotationState NewRound(RotationState state, IReadOnlyCollection<string> pool, IRandomSource random, string? justShown)
    {
        var candidates = pool.Where(k => k != justShown || pool.Count == 1).Order(StringComparer.Ordinal).ToList();
        return state with
        {
            Round = state.Round + 1,
            Shown = new HashSet<string>(StringComparer.Ordinal),
            Next = candidates.Count == 0 ? null : candidates[random.Pick(candidates.Count)],
        };
    }

    // Sorted, so that the same random numbers make the same choices whatever order the pool came in.
    private static List<string> Unshown(IReadOnlyCollection<string> pool, IReadOnlySet<string> shown) =>
        [.. pool.Where(k => !shown.Contains(k)).Order(StringComparer.Ordinal)];
}
