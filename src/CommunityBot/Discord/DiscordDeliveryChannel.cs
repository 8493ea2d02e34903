using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommunityBot.Cards;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Discord;

/// <summary>
/// Posts to guild channels, the <see cref="TargetKind.Discord"/> targets. Every message carries a nonce made from the
/// outbox row's key with enforce_nonce, so a retry after a timeout or a crash returns the message already posted
/// instead of posting it again. A row with a card goes as one multipart message with the PNG attached and shown in
/// the embed; the embed keeps the quote as text, for screen readers and search, and the nonce is the same. An
/// announcement may open a discussion thread on its message, a step of its own that follows the announcement's row,
/// and the essay's epigraph is then the thread's first message.
/// </summary>
public sealed class DiscordDeliveryChannel(DiscordRestClient rest, CardStudio cards) : IDeliveryChannel
{
    private const int NonceLength = 25;
    private const string CardFileName = "card.png";
    private const int AttachmentDescriptionLimit = 1024;

    public TargetKind Kind => TargetKind.Discord;

    private const int ThreadNameLength = 100;

    public IReadOnlyList<OutboxStep> RenderEpigraph(string target, QuoteEntry epigraph) => [new(Epigraph(epigraph))];

    private static string Epigraph(QuoteEntry epigraph)
    {
        var data = DiscordReplyRenderer.Render(new QuoteReply(epigraph, 1));
        return JsonSerializer.Serialize(new JsonMessageCreate { Embeds = data.Embeds, AllowedMentions = JsonAllowedMentions.None }, DiscordJsonContext.Default.JsonMessageCreate);
    }

    /// <summary>
    /// The announcement, and with <paramref name="openThread"/> a public thread on it named after the essay (archived
    /// after a quiet day) whose first message is the essay's epigraph.
    /// </summary>
    public IReadOnlyList<OutboxStep> RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId, bool openThread)
    {
        var announcement = new OutboxStep(Announcement(essay, mentionRoleId));
        if (!openThread)
        {
            return [announcement];
        }
        var thread = new OutboxStep(
            JsonSerializer.Serialize(new JsonThreadCreate { Name = ThreadName(essay), AutoArchiveDuration = JsonThreadCreate.OneDay }, DiscordJsonContext.Default.JsonThreadCreate),
            StepAction.OpenThread);
        return essay.Epigraph is { } epigraph
            ? [announcement, thread, new OutboxStep(Epigraph(new QuoteEntry(epigraph, essay, IsEpigraph: true)))]
            : [announcement, thread];
    }

    // A thread's name is plain text, never Markdown: the title as it is, cut to Discord's limit.
    private static string ThreadName(Essay essay) =>
        string.IsNullOrWhiteSpace(essay.Title) ? essay.Slug : DisplayFormat.Excerpt(essay.Title, ThreadNameLength);

    /// <summary>
    /// An embed with the title, date, epigraph and link. The guild's chosen role is pinged, and allowed_mentions
    /// names that role alone, so nothing in an essay's text can ping anyone else. Every text of the essay (or the
    /// feed item) is escaped, so none of it renders as Markdown.
    /// </summary>
    private static string Announcement(Essay essay, ulong? mentionRoleId)
    {
        var description = new StringBuilder();
        if (essay.Epigraph is { } epigraph)
        {
            description.Append(DiscordText.FitEscaped(DisplayFormat.Quoted(epigraph.Text), 1500)).Append('\n').Append(DiscordText.FitEscaped(DisplayFormat.Attribution(epigraph), 300));
        }
        if (essay.Url is { } url)
        {
            description.Append(description.Length > 0 ? "\n\n" : "").Append(DiscordText.Link(url));
        }
        var embed = new JsonEmbed
        {
            Title = DiscordText.FitEscaped(essay.Title, DiscordLimits.EmbedTitle),
            Url = essay.Url?.AbsoluteUri,
            Description = description.Length == 0 ? null : description.ToString(),
            Fields = [new JsonEmbedField { Name = "Published", Value = DisplayFormat.Date(essay.Published) }],
        };
        var title = DiscordText.FitEscaped(essay.Title, 200);
        var message = mentionRoleId is { } role
            ? new JsonMessageCreate
            {
                Content = string.Create(CultureInfo.InvariantCulture, $"<@&{role}> New essay: {title}"),
                Embeds = [embed],
                AllowedMentions = new JsonAllowedMentions { Parse = [], Roles = [role] },
            }
            : new JsonMessageCreate { Content = $"New essay: {title}", Embeds = [embed], AllowedMentions = JsonAllowedMentions.None };
        return JsonSerializer.Serialize(message, DiscordJsonContext.Default.JsonMessageCreate);
    }

    public async Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!TargetKey.TryParse(entry.Target, out var target) || target.Kind != TargetKind.Discord)
        {
            return SendResult.Invalid($"'{entry.Target}' is not a Discord target (discord:<guild>:<channel>)");
        }
        ulong? after = null;
        if (entry.AfterRemoteId is { } afterId)
        {
            if (!ulong.TryParse(afterId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return SendResult.Invalid($"the step it follows has no Discord id ('{afterId}')");
            }
            after = id;
        }
        if (entry.Kind == OutboxStep.ThreadKind)
        {
            return after is { } messageId
                ? await OpenThreadAsync(target.ChannelId, messageId, entry.Payload, cancellationToken)
                : SendResult.Invalid("a thread step follows no message");
        }
        var carded = CardPost.TryRead(entry.Payload, out var withCard) ? withCard : null;
        if (Read(carded?.Post ?? entry.Payload) is not { } message)
        {
            return SendResult.Invalid("the stored message cannot be read");
        }
        message = message with { Nonce = Nonce(entry.IdempotencyKey), EnforceNonce = true };
        try
        {
            // A message that follows a step goes into the thread that step opened.
            var channelId = after ?? target.ChannelId;
            JsonMessage posted;
            if (carded is not null && message.Embeds is { Count: > 0 } embeds && cards.Render(carded, entry) is { } png)
            {
                var card = new DiscordFile(png, CardFileName, "image/png");
                message = message with
                {
                    Embeds = [embeds[0] with { Image = new JsonEmbedMedia { Url = "attachment://" + CardFileName } }, .. embeds.Skip(1)],
                    Attachments = [new JsonAttachmentCreate { Id = "0", Filename = CardFileName, Description = carded.Card.AltText(AttachmentDescriptionLimit) }],
                };
                posted = await rest.CreateMessageAsync(channelId, message, [card], cancellationToken);
            }
            else
            {
                posted = await rest.CreateMessageAsync(channelId, message, cancellationToken);
            }
            return SendResult.Delivered(posted.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (DiscordRestException exception)
        {
            return Classify(exception);
        }
        catch (Exception exception) when (exception is TimeoutException or HttpRequestException or DiscordRequestRefusedException)
        {
            return SendResult.Retry(exception.Message);
        }
    }

    private async Task<SendResult> OpenThreadAsync(ulong channelId, ulong messageId, string payload, CancellationToken cancellationToken)
    {
        JsonThreadCreate? thread;
        try
        {
            thread = JsonSerializer.Deserialize(payload, DiscordJsonContext.Default.JsonThreadCreate);
        }
        catch (JsonException)
        {
            thread = null;
        }
        if (thread is null)
        {
            return SendResult.Invalid("the stored thread cannot be read");
        }
        try
        {
            var opened = await rest.StartThreadFromMessageAsync(channelId, messageId, thread, cancellationToken);
            return SendResult.Delivered(opened.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (DiscordRestException exception) when (exception.Code == DiscordErrorCodes.ThreadAlreadyCreatedForMessage)
        {
            // An earlier attempt opened it and its answer was lost: a message's thread has the message's id.
            return SendResult.Delivered(messageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (DiscordRestException exception)
        {
            return Classify(exception);
        }
        catch (Exception exception) when (exception is TimeoutException or HttpRequestException or DiscordRequestRefusedException)
        {
            return SendResult.Retry(exception.Message);
        }
    }

    /// <summary>Discord takes nonces of at most 25 characters; the key's hash keeps them unique and stable.</summary>
    public static string Nonce(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..NonceLength];

    private static SendResult Classify(DiscordRestException exception)
    {
        var error = $"{(int)exception.StatusCode} {exception.Message}";
        return exception.StatusCode switch
        {
            HttpStatusCode.Unauthorized => SendResult.Stopped(error),
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => SendResult.Rejected(error),
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => SendResult.Invalid(error),
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => SendResult.Retry(error, exception.RetryAfter),
            >= HttpStatusCode.InternalServerError => SendResult.Retry(error, exception.RetryAfter),
            _ => SendResult.Unexpected(error),
        };
    }

    private static JsonMessageCreate? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, DiscordJsonContext.Default.JsonMessageCreate);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
