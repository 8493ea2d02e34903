using System.Net;
using System.Text.Json;
using CommunityBot.Cards;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Mastodon;

/// <summary>
/// Posts statuses for the <see cref="TargetKind.Mastodon"/> targets, one a configured account. The outbox row's key goes out as the Idempotency-Key on
/// every attempt, so the instance makes one status of any number of retries. A row with a card is sent in two steps:
/// the image is uploaded and its media id written into the row's status, and only then is the status posted; a retry
/// finds the id in the row, so it neither uploads again nor changes the status it posts under the same key.
/// </summary>
public sealed partial class MastodonDeliveryChannel(
    MastodonAccounts accounts,
    CardStudio cards,
    OutboxRepository outbox,
    TimeProvider time,
    ILogger<MastodonDeliveryChannel> logger) : IDeliveryChannel
{
    /// <summary>How long to wait between two looks at media the server is still processing, and how many looks at most.</summary>
    public static readonly TimeSpan MediaPollInterval = TimeSpan.FromSeconds(1);

    public const int MediaPolls = 30;

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
        var carded = CardPost.TryRead(entry.Payload, out var withCard) ? withCard : null;
        if (Read(carded?.Post ?? entry.Payload) is not { } status)
        {
            return SendResult.Invalid("the stored status cannot be read");
        }
        try
        {
            // A status that names media from an earlier attempt: that media may still be processing.
            var processing = carded is null && status.MediaIds is { Count: > 0 };
            if (carded is not null && cards.Render(carded, entry) is { } png)
            {
                var upload = new MastodonUpload(png, "card.png", "image/png", carded.Card.AltText(account.Budget.DescriptionLimit));
                var media = await account.Client.UploadMediaAsync(upload, cancellationToken);
                status = status with { MediaIds = [media.Id] };
                if (!await outbox.UpdatePayloadAsync(entry.Id, Write(status), entry.LeaseOwner, cancellationToken))
                {
                    return SendResult.Retry("the row's lease ran out during the card's upload; whoever holds it now sends it");
                }
                LogCardUploaded(entry.Target, entry.Id, media.Id, media.Processing);
                processing = media.Processing;
            }
            if (processing && await StillProcessingAsync(account, status.MediaIds!, cancellationToken) is { } pending)
            {
                return SendResult.Retry($"media {pending} is still being processed by the instance");
            }
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

    /// <summary>The first of <paramref name="mediaIds"/> still processing after <see cref="MediaPolls"/> looks, or null when all are ready.</summary>
    private async Task<string?> StillProcessingAsync(MastodonAccount account, IReadOnlyList<string> mediaIds, CancellationToken cancellationToken)
    {
        foreach (var id in mediaIds)
        {
            var polls = 0;
            while ((await account.Client.GetMediaAsync(id, cancellationToken)).Processing)
            {
                if (++polls == MediaPolls)
                {
                    return id;
                }
                await Task.Delay(MediaPollInterval, time, cancellationToken);
            }
        }
        return null;
    }

    private static string Write(JsonStatusCreate status) => JsonSerializer.Serialize(status, MastodonJsonContext.Default.JsonStatusCreate);

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

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Card for {Target} (outbox row {Id}) uploaded as media {MediaId} (processing: {Processing}); the row now names it")]
    private partial void LogCardUploaded(string target, long id, string mediaId, bool processing);
}
