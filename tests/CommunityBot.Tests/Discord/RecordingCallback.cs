using System.Collections.Concurrent;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Discord;

namespace CommunityBot.Tests.Discord;

/// <summary>An interaction callback that keeps what it was sent.</summary>
public sealed class RecordingCallback : IInteractionCallback
{
    private readonly ConcurrentQueue<JsonInteractionResponse> _sent = new();

    public IReadOnlyList<JsonInteractionResponse> Sent => [.. _sent];

    public Task SendAsync(JsonInteractionResponse response, CancellationToken cancellationToken)
    {
        _sent.Enqueue(response);
        return Task.CompletedTask;
    }
}
