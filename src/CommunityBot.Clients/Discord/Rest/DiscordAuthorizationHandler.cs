using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Rest;

internal sealed class DiscordAuthorizationHandler(IOptions<DiscordRestOptions> options) : DelegatingHandler
{
    private readonly string _authorization = "Bot " + options.Value.Token;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Retries resend the same message; the header is set once.
        if (!request.Headers.Contains("Authorization"))
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        return base.SendAsync(request, cancellationToken);
    }
}
