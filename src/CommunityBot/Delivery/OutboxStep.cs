using System.Globalization;
using CommunityBot.Storage;

namespace CommunityBot.Delivery;

/// <summary>
/// One step of a post as a channel renders it. A post of several steps becomes one outbox row per step: the first is an
/// ordinary row under the post's own key, each later one has a key of its own and follows the row before it, whose
/// remote id it is sent with. One row in flight per target keeps them in order; each key keeps each step to one send.
/// </summary>
public sealed record OutboxStep(string Payload, StepAction Action = StepAction.Post)
{
    /// <summary>The outbox kind of the rows that open a thread.</summary>
    public const string ThreadKind = "thread";

    /// <summary>The key of step <paramref name="number"/> (from 1) of <paramref name="count"/>: the post's own key for the first, <c>key#2/3</c> after.</summary>
    public static string Key(string key, int number, int count) =>
        number == 1 ? key : string.Create(CultureInfo.InvariantCulture, $"{key}#{number}/{count}");

    /// <summary>The rows of a post's steps, chained in order.</summary>
    public static IReadOnlyList<OutboxPost> Chain(string target, string kind, string key, IReadOnlyList<OutboxStep> steps) =>
        [.. steps.Select((step, i) => new OutboxPost(
            target,
            step.Action == StepAction.OpenThread ? ThreadKind : kind,
            step.Payload,
            Key(key, i + 1, steps.Count),
            i == 0 ? null : Key(key, i, steps.Count)))];
}
