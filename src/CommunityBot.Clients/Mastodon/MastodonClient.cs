using System.Globalization;
using System.Net;
using System.Text.Json;
using CommunityBot.Clients.Mastodon.JsonModels;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Clients.Mastodon;

internal sealed partial class MastodonClient : IMastodonClient
{
    public const int MaxNotificationLimit = 80;

    private readonly string _accessToken;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly MastodonClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MastodonClient> _logger;
    private readonly MastodonRateLimitGate _rateLimits = new();

    public MastodonClient(
        string accountName,
        Uri instance,
        string accessToken,
        IHttpClientFactory httpClientFactory,
        MastodonClientOptions options,
        TimeProvider timeProvider,
        ILogger<MastodonClient> logger)
    {
        AccountName = accountName;
        Instance = instance;
        _accessToken = accessToken;
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string AccountName { get; }

    public Uri Instance { get; }

    public async Task<JsonAccount> VerifyCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var request = new MastodonRequest(HttpMethod.Get, "api/v1/accounts/verify_credentials", MastodonRateLimitBucket.Default);
        var response = await SendAsync(request, MastodonJsonContext.Default.JsonAccount, cancellationToken);
        return response.Value;
    }

    public async Task<JsonInstance> GetInstanceAsync(CancellationToken cancellationToken = default)
    {
        var request = new MastodonRequest(HttpMethod.Get, "api/v2/instance", MastodonRateLimitBucket.Default);
        var response = await SendAsync(request, MastodonJsonContext.Default.JsonInstance, cancellationToken);
        return response.Value;
    }

    public async Task<JsonStatus> PostStatusAsync(
        JsonStatusCreate status,
        string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        var request = new MastodonRequest(HttpMethod.Post, "api/v1/statuses", MastodonRateLimitBucket.Statuses)
        {
            JsonBody = JsonSerializer.SerializeToUtf8Bytes(status, MastodonJsonContext.Default.JsonStatusCreate),
            IdempotencyKey = idempotencyKey,
        };
        var response = await SendAsync(request, MastodonJsonContext.Default.JsonStatus, cancellationToken);
        return response.Value;
    }

    public async Task<MastodonMedia> UploadMediaAsync(MastodonUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var request = new MastodonRequest(HttpMethod.Post, "api/v2/media", MastodonRateLimitBucket.Media) { Upload = upload };
        var response = await SendAsync(request, MastodonJsonContext.Default.JsonMediaAttachment, cancellationToken);
        return new MastodonMedia(response.Value.Id, response.StatusCode == HttpStatusCode.Accepted);
    }

    public async Task<MastodonMedia> GetMediaAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var request = new MastodonRequest(HttpMethod.Get, "api/v1/media/" + Uri.EscapeDataString(id), MastodonRateLimitBucket.Default)
        {
            EmptyWhileProcessing = true,
        };
        var response = await SendAsync(request, MastodonJsonContext.Default.JsonMediaAttachment, cancellationToken);
        return new MastodonMedia(id, response.StatusCode == HttpStatusCode.PartialContent);
    }

    public async Task<MastodonPage<JsonNotification>> GetMentionNotificationsAsync(
        string? minId,
        int limit = 40,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxNotificationLimit);

        var query = "types%5B%5D=mention&limit=" + limit.ToString(CultureInfo.InvariantCulture);
        var bucket = MastodonRateLimitBucket.Default;
        if (!string.IsNullOrEmpty(minId))
        {
            query += "&min_id=" + Uri.EscapeDataString(minId);
            bucket = MastodonRateLimitBucket.Paging;
        }

        var request = new MastodonRequest(HttpMethod.Get, "api/v1/notifications?" + query, bucket);
        var response = await SendAsync(request, MastodonJsonContext.Default.IReadOnlyListJsonNotification, cancellationToken);
        return new MastodonPage<JsonNotification>(response.Value, response.NextMaxId, response.PrevMinId, response.RateLimit);
    }
}
