using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Discord;

namespace CommunityBot.Http;

/// <summary>
/// The callback of an interaction Discord POSTed to us: the answer becomes the HTTP response. It counts as sent once
/// the response is written, so that an edit of @original never reaches Discord before the deferral it edits.
/// </summary>
internal sealed class HttpInteractionCallback : IInteractionCallback
{
    private readonly TaskCompletionSource<JsonInteractionResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<JsonInteractionResponse> Response => _response.Task;

    public async Task SendAsync(JsonInteractionResponse response, CancellationToken cancellationToken)
    {
        if (!_response.TrySetResult(response))
        {
            throw new InvalidOperationException("This interaction has been answered already; an HTTP request has one response.");
        }
        await _written.Task.WaitAsync(cancellationToken);
    }

    public void Written() => _written.TrySetResult();

    public void NotWritten(Exception exception) => _written.TrySetException(exception);
}
