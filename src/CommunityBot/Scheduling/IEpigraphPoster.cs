using CommunityBot.Content;

namespace CommunityBot.Scheduling;

/// <summary>Posting a target's next epigraph: by its trigger, by hand (post-now), or only looking (preview).</summary>
public interface IEpigraphPoster
{
    /// <summary>The epigraph the target's next post will carry, without moving its rotation on.</summary>
    Task<QuoteEntry?> PreviewAsync(string target, CancellationToken cancellationToken);

    /// <summary>Takes the next epigraph from the rotation and writes it to the outbox under <paramref name="idempotencyKey"/>.</summary>
    Task<QuoteEntry?> PostAsync(string target, string idempotencyKey, CancellationToken cancellationToken);
}
