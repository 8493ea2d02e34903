using System.Net;
using System.Text.Json;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Mastodon;

/// <summary>
/// Posts statuses for the <see cref="TargetKind.Mastodon"/> targets, one a configured account. The outbox row's key goes out as the Idempotency-Key on
/// every attempt, so the instance makes one status of any number of retries.
/// </summary>
public sealed class MastodonDeliveryChannel(MastodonAccounts accounts) : IDeliveryChannel
{
    public TargetKind Kind => TargetKind.Mastodon;

    public IReadOnlyList<OutboxStep> RenderEpigraph(string target, QuoteEntry epigraph)
    {
        var account = Account(target);
        return Steps(account, MastodonStatusComposer.EpigraphParts(epigraph, account.Options, account.Budget), inReplyToId: null, account.Options.Visibility);
    }

    public IReadOnlyList<OutboxStep> RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId, bool openThread)
    {
        var account = Account(target);
        return Steps(account, MastodonStatusComposer.AnnouncementParts(essay, account.Options, account.Budget), inReplyToId: null, account.Options.Visibility);
    }

    /// <summary>
    /// One step per status of a thread, all with the same visibility and content warning. Only the first names the
    /// status it answers (<paramref name="inReplyToId"/>); each later one answers the part before it, whose id is known
    /// only once that part is posted (<see cref="OutboxEntry.AfterRemoteId"/>).
    /// </summary>
    public static IReadOnlyList<OutboxStep> Steps(MastodonAccount account, IReadOnlyList<string> parts, string? inReplyToId, string visibility) =>
        [.. parts.Select((text, i) => new OutboxStep(Payload(account, text, i == 0 ? inReplyToId : null, visibility)))];

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
            return SendResult.Invalid($"no Mastodon account is configured for '{entry.Target}'");
        }
        if (account.Problem is { } problem)
        {
            // Refused or misconfigured at its check: nothing it sends can work until the account is fixed, and its
            // posts are kept for then.
            return SendResult.Stopped($"account {account.Options.Name} is not in use: {problem}");
        }
        if (Read(entry.Payload) is not { } status)
        {
            return SendResult.Invalid("the stored status cannot be read");
        }
        try
        {
            // A later part of a thread answers the part before it, whatever else it answered.
            var sent = entry.AfterRemoteId is { } previous ? status with { InReplyToId = previous } : status;
            var posted = await account.Client.PostStatusAsync(sent, entry.IdempotencyKey, cancellationToken);
            return SendResult.Delivered(posted.Id);
        }
        catch (MastodonApiException exception)
        {
            return Classify(exception);
        }
    }

    private static SendResult Classify(MastodonApiException exception) => exception switch
    {
        { IsRetryable: true } => SendResult.Retry(exception.Message, exception.RetryAfter),
        { StatusCode: HttpStatusCode.Unauthorized } => SendResult.Stopped(exception.Message),
        { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.NotFound } => SendResult.Rejected(exception.Message),
        { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity } => SendResult.Invalid(exception.Message),
        _ => SendResult.Unexpected(exception.Message),
    };

    private static JsonStatusCreate? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, MastodonJsonContext.Default.JsonStatusCreate);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private MastodonAccount Account(string target) =>
        accounts.Find(target) ?? throw new InvalidOperationException($"no Mastodon account is configured for '{target}'");
}
