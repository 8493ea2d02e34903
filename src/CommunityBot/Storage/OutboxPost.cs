namespace CommunityBot.Storage;

/// <summary>One row to write to the outbox; <paramref name="AfterKey"/> names the row of the same post it follows.</summary>
public sealed record OutboxPost(string Target, string Kind, string Payload, string IdempotencyKey, string? AfterKey = null);
