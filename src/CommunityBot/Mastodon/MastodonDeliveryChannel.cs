using System.Text.Json;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Mastodon;

/// <summary>
/// Posts statuses for the targets "mastodon:{account}". The outbox row's key goes out as the Idempotency-Key on
/// every attempt, so the instance makes one status of any number of retries.
/// </summary>
public sealed class MastodonDeliveryChannel(MastodonAccounts accounts) : IDeliveryChannel
{
    public string Prefix => MastodonAccount.TargetPrefix;

    public string RenderEpigraph(string target, QuoteEntry epigraph)
    {
        var account = Account(target);
        return Payload(account, MastodonStatusComposer.Epigraph(epigraph, account.Options, account.Budget), inReplyToId: null, account.Options.Visibility);
    }

    public string RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId)
    {
        var account = Account(target);
        return Payload(account, MastodonStatusComposer.Announcement(essay, account.Options, account.Budget), inReplyToId: null, account.Options.Visibility);
    }

    public static string Payload(MastodonAccount account, string text, string? inReplyToId, string visibility) =>
        JsonSerializer.Serialize(
            new JsonStatusCreate
            {
                Status = text,
                Visibility = visibility,
                Language = account.Options.Language,
                SpoilerText = string.IsNullOrWhiteSpace(account.Options.ContentWarning) ? null : account.Options.ContentWarning,
                InReplyToId = inReplyToId,
            },
            MastodonJsonContext.Default.JsonStatusCreate);

    public async Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (accounts.Find(entry.Target) is not { } account)
        {
            return SendResult.Permanent($"no Mastodon account is configured for '{entry.Target}'");
        }
        if (account.Problem is { } problem)
        {
            // The account may come back (a token is renewed and the bot restarted); keep the post until then.
            return SendResult.Retry($"account {account.Options.Name} is not in use: {problem}", TimeSpan.FromHours(1));
        }
        var status = JsonSerializer.Deserialize(entry.Payload, MastodonJsonContext.Default.JsonStatusCreate)!;
        try
        {
            var posted = await account.Client.PostStatusAsync(status, entry.IdempotencyKey, cancellationToken);
            return SendResult.Delivered(posted.Id);
        }
        catch (MastodonApiException exception) when (exception.IsRetryable)
        {
            return SendResult.Retry(exception.Message, exception.RetryAfter);
        }
        catch (MastodonApiException exception)
        {
            return SendResult.Permanent(exception.Message);
        }
    }

    private MastodonAccount Account(string target) =>
        accounts.Find(target) ?? throw new InvalidOperationException($"no Mastodon account is configured for '{target}'");
}
