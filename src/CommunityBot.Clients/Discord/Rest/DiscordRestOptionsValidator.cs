using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Rest;

internal sealed class DiscordRestOptionsValidator : IValidateOptions<DiscordRestOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordRestOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            failures.Add("Discord:Token is required (set the Discord__Token environment variable or a user secret).");

        var url = options.ApiBaseUrl;
        if (url is null || !url.IsAbsoluteUri)
            failures.Add("Discord:ApiBaseUrl must be an absolute URL such as https://discord.com/api/v10.");
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            failures.Add($"Discord:ApiBaseUrl '{url}' uses http://, which is accepted only for loopback hosts; use https://.");
        else if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            failures.Add($"Discord:ApiBaseUrl '{url}' must use https://.");

        if (options.MaxRetries < 0)
            failures.Add("Discord:MaxRetries must not be negative.");
        if (options.RequestTimeout <= TimeSpan.Zero)
            failures.Add("Discord:RequestTimeout must be positive.");
        if (options.GlobalRequestsPerSecond < 1)
            failures.Add("Discord:GlobalRequestsPerSecond must be at least 1.");
        if (options.InvalidRequestSlowdownThreshold >= options.InvalidRequestRefuseThreshold)
            failures.Add("Discord:InvalidRequestSlowdownThreshold must be below Discord:InvalidRequestRefuseThreshold.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
