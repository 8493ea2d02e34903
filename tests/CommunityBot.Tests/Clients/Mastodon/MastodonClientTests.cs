using System.Net;
using System.Text.Json;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Clients.Mastodon;

public sealed class MastodonClientTests
{
    private const string StatusesPath = "/api/v1/statuses";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task VerifyCredentialsAsync_ValidToken_ReturnsAccountAndSendsBearerToken()
    {
        await using var context = await MastodonTestContext.StartAsync();

        var account = await context.Client.VerifyCredentialsAsync().WaitAsync(s_timeout);

        Assert.Equal("109876543210987654", account.Id);
        Assert.Equal("epigraphs", account.Username);
        Assert.Equal("epigraphs", account.Acct);
        Assert.Equal("Rights Studio epigraphs", account.DisplayName);
        Assert.True(account.Bot);
        Assert.Equal("https://social.example/@epigraphs", account.Url);
        var request = Assert.Single(context.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/accounts/verify_credentials", request.Path);
        Assert.Equal("Bearer " + FakeMastodonServer.AccessToken, request.Header("Authorization"));
        Assert.StartsWith("CommunityBot/", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCredentialsAsync_Unauthorized_ThrowsNamingAccountAndScopesWithoutRetrying()
    {
        await using var context = await MastodonTestContext.StartAsync();
        var client = context.Factory.Create("announcements", context.Server.BaseUri.ToString(), "revoked-token-0042");

        var exception = await Assert.ThrowsAsync<MastodonAuthorizationException>(
            () => client.VerifyCredentialsAsync().WaitAsync(s_timeout));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.False(exception.IsRetryable);
        Assert.Equal("announcements", exception.AccountName);
        Assert.Equal("The access token is invalid", exception.Error);
        Assert.Contains("'announcements'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("invalid", exception.Message, StringComparison.Ordinal);
        Assert.Contains("write:statuses", exception.Message, StringComparison.Ordinal);
        Assert.Contains("read:notifications", exception.Message, StringComparison.Ordinal);
        Assert.Contains("read:accounts", exception.Message, StringComparison.Ordinal);
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task VerifyCredentialsAsync_Forbidden_ThrowsWithMastodonReasonAndScopes()
    {
        await using var context = await MastodonTestContext.StartAsync();
        context.Server.Enqueue("GET", "/api/v1/accounts/verify_credentials", FakeMastodonResponse.Fixture(403, "error_403.json"));

        var exception = await Assert.ThrowsAsync<MastodonAuthorizationException>(
            () => context.Client.VerifyCredentialsAsync().WaitAsync(s_timeout));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.False(exception.IsRetryable);
        Assert.Contains(MastodonTestContext.AccountName, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Your login is currently disabled", exception.Message, StringComparison.Ordinal);
        Assert.Contains("write:statuses", exception.Message, StringComparison.Ordinal);
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task GetInstanceAsync_DocumentedExample_ReadsStatusLimits()
    {
        await using var context = await MastodonTestContext.StartAsync();

        var instance = await context.Client.GetInstanceAsync().WaitAsync(s_timeout);

        Assert.Equal("mastodon.social", instance.Domain);
        Assert.Equal("4.0.0rc1", instance.Version);
        Assert.Equal(500, instance.Configuration.Statuses.MaxCharacters);
        Assert.Equal(4, instance.Configuration.Statuses.MaxMediaAttachments);
        Assert.Equal(23, instance.Configuration.Statuses.CharactersReservedPerUrl);
        Assert.Equal("/api/v2/instance", Assert.Single(context.Server.Requests).Path);
    }

    [Fact]
    public async Task GetInstanceAsync_InstanceWithOtherLimits_ReadsThemRatherThanDefaults()
    {
        await using var context = await MastodonTestContext.StartAsync();
        var body = File.ReadAllText(FakeMastodonResponse.FixturePath("instance_v2.json"))
            .Replace("\"max_characters\": 500", "\"max_characters\": 5000", StringComparison.Ordinal)
            .Replace("\"characters_reserved_per_url\": 23", "\"characters_reserved_per_url\": 30", StringComparison.Ordinal);
        context.Server.Enqueue("GET", "/api/v2/instance", FakeMastodonResponse.Json(200, body));

        var instance = await context.Client.GetInstanceAsync().WaitAsync(s_timeout);

        Assert.Equal(5000, instance.Configuration.Statuses.MaxCharacters);
        Assert.Equal(30, instance.Configuration.Statuses.CharactersReservedPerUrl);
    }

    [Fact]
    public async Task PostStatusAsync_SendsFieldsAndIdempotencyKey_ReturnsStatus()
    {
        await using var context = await MastodonTestContext.StartAsync();
        var create = new JsonStatusCreate
        {
            Status = "@trwnh@mastodon.social \"We are all in this together.\" https://rights-studio.org/journal",
            Visibility = MastodonVisibility.Unlisted,
            Language = "en",
            SpoilerText = "Essay epigraph",
            InReplyToId = "103254900000000001",
        };

        var status = await context.Client.PostStatusAsync(create, "outbox-7f3a").WaitAsync(s_timeout);

        var request = Assert.Single(context.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(StatusesPath, request.Path);
        Assert.Equal("outbox-7f3a", request.Header("Idempotency-Key"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var fields = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["status"] = create.Status,
                ["visibility"] = "unlisted",
                ["language"] = "en",
                ["spoiler_text"] = "Essay epigraph",
                ["in_reply_to_id"] = "103254900000000001",
            },
            fields);
        Assert.Equal("103254962155278888", status.Id);
        Assert.Equal("https://social.example/users/epigraphs/statuses/103254962155278888", status.Uri);
        Assert.Equal("https://social.example/@epigraphs/103254962155278888", status.Url);
        Assert.Equal(new DateTimeOffset(2019, 12, 5, 11, 34, 47, 196, TimeSpan.Zero), status.CreatedAt);
        Assert.Equal("unlisted", status.Visibility);
        Assert.Equal("103254900000000001", status.InReplyToId);
        Assert.Equal("epigraphs", status.Account.Username);
        Assert.Equal("trwnh@mastodon.social", Assert.Single(status.Mentions).Acct);
    }

    [Fact]
    public async Task PostStatusAsync_HtmlPage503Then500_RetriesWithBackoffAndTheSameKey()
    {
        await using var context = await MastodonTestContext.StartAsync();
        context.Server.Enqueue(
            "POST",
            StatusesPath,
            FakeMastodonResponse.Html(503, "proxy_503.html"),
            FakeMastodonResponse.Json(500, """{"error":"We're sorry, but something went wrong on our end."}"""));

        var post = context.Client.PostStatusAsync(Status(), "outbox-key-1");

        Assert.Equal(TimeSpan.FromSeconds(2), await context.Time.CompleteNextDelayAsync());
        Assert.Equal(TimeSpan.FromSeconds(4), await context.Time.CompleteNextDelayAsync());
        var status = await post.WaitAsync(s_timeout);

        Assert.Equal("103254962155278888", status.Id);
        AssertSentWithKey(context, 3, "outbox-key-1");
        Assert.Contains(context.Logs.WithEventId(2201), r => r.GetStructuredStateValue("Error")!.Contains("non-JSON text/html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostStatusAsync_AlwaysUnavailable_GivesUpAfterMaxAttemptsWithRetryableError()
    {
        await using var context = await MastodonTestContext.StartAsync(options => options.MaxAttempts = 3);
        context.Server.Enqueue("POST", StatusesPath, Enumerable.Repeat(FakeMastodonResponse.Html(503, "proxy_503.html"), 3).ToArray());

        var post = context.Client.PostStatusAsync(Status(), "outbox-key-2");
        await context.Time.CompleteNextDelayAsync();
        await context.Time.CompleteNextDelayAsync();
        var exception = await Assert.ThrowsAsync<MastodonApiException>(() => post.WaitAsync(s_timeout));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.True(exception.IsRetryable);
        Assert.Equal(MastodonTestContext.AccountName, exception.AccountName);
        AssertSentWithKey(context, 3, "outbox-key-2");
    }

    [Fact]
    public async Task PostStatusAsync_Unprocessable_SurfacesMastodonMessageAndDoesNotRetry()
    {
        await using var context = await MastodonTestContext.StartAsync();

        var exception = await PostAnsweredWithAsync(context, FakeMastodonResponse.Fixture(422, "error_422.json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, exception.StatusCode);
        Assert.False(exception.IsRetryable);
        Assert.Equal("Validation failed: Text character limit of 500 exceeded", exception.Error);
        Assert.Contains("Validation failed: Text character limit of 500 exceeded", exception.Message, StringComparison.Ordinal);
        Assert.Single(context.Server.Requests);
        Assert.False(context.Time.HasPendingDelay);
    }

    [Fact]
    public async Task PostStatusAsync_HtmlNotFound_IsNotRetriedBecauseTheStatusCodeDecides()
    {
        await using var context = await MastodonTestContext.StartAsync();

        var exception = await PostAnsweredWithAsync(context, FakeMastodonResponse.Html(404, "proxy_503.html"));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.False(exception.IsRetryable);
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task PostStatusAsync_SuccessStatusWithHtmlBody_IsRetriedWithTheSameKey()
    {
        await using var context = await MastodonTestContext.StartAsync();
        context.Server.Enqueue("POST", StatusesPath, FakeMastodonResponse.Html(200, "proxy_503.html"));

        var post = context.Client.PostStatusAsync(Status(), "outbox-key-5");
        await context.Time.CompleteNextDelayAsync();
        await post.WaitAsync(s_timeout);

        AssertSentWithKey(context, 2, "outbox-key-5");
    }

    [Fact]
    public async Task PostStatusAsync_NoResponseWithinTimeout_RetriesWithTheSameKey()
    {
        await using var context = await MastodonTestContext.StartAsync();
        context.Server.Enqueue("POST", StatusesPath, FakeMastodonResponse.Stalled());

        var post = context.Client.PostStatusAsync(Status(), "outbox-key-6");
        await context.Server.WaitForRequestsAsync(1);
        context.Time.Advance(MastodonTestContext.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), await context.Time.CompleteNextDelayAsync());
        await post.WaitAsync(s_timeout);

        AssertSentWithKey(context, 2, "outbox-key-6");
    }

    [Fact]
    public async Task PostStatusAsync_CancelledWhileWaitingToRetry_StopsWithoutAnotherAttempt()
    {
        await using var context = await MastodonTestContext.StartAsync();
        context.Server.Enqueue("POST", StatusesPath, FakeMastodonResponse.Html(503, "proxy_503.html"));
        using var cancellation = new CancellationTokenSource();

        var post = context.Client.PostStatusAsync(Status(), "outbox-key-11", cancellation.Token);
        await context.Time.NextDelayAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post.WaitAsync(s_timeout));
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task PostStatusAsync_TooManyRequests_WaitsUntilRateLimitResetThenSucceeds()
    {
        await using var context = await MastodonTestContext.StartAsync();
        var start = context.Time.GetUtcNow();
        var reset = start + TimeSpan.FromTicks(905_581_860);
        context.Server.Enqueue("POST", StatusesPath, FakeMastodonResponse.Fixture(429, "error_429.json").WithRateLimit(300, 0, reset));

        var post = context.Client.PostStatusAsync(Status(), "outbox-key-7");
        var waited = await context.Time.CompleteNextDelayAsync();
        var status = await post.WaitAsync(s_timeout);

        Assert.Equal(TimeSpan.FromMilliseconds(90_559), waited);
        Assert.True(start + waited >= reset);
        Assert.Equal("103254962155278888", status.Id);
        AssertSentWithKey(context, 2, "outbox-key-7");
    }

    [Fact]
    public async Task NextRequest_AfterRemainingZero_IsHeldUntilReset()
    {
        await using var context = await MastodonTestContext.StartAsync();
        var reset = context.Time.GetUtcNow().AddSeconds(60);
        context.Server.Enqueue(
            "GET",
            "/api/v1/accounts/verify_credentials",
            FakeMastodonResponse.Fixture(200, "account_verify_credentials.json").WithRateLimit(300, 0, reset));
        await context.Client.VerifyCredentialsAsync().WaitAsync(s_timeout);

        var next = context.Client.GetInstanceAsync();
        var delay = await context.Time.NextDelayAsync();

        Assert.Equal(TimeSpan.FromSeconds(60), delay);
        Assert.Single(context.Server.Requests);
        context.Time.Advance(delay);
        await next.WaitAsync(s_timeout);
        Assert.Equal(2, context.Server.Requests.Count);
    }

    [Fact]
    public async Task PostStatusAsync_StatusLimitExhaustedForHours_ThrowsRetryAfterWithoutSendingButReadsStillWork()
    {
        await using var context = await MastodonTestContext.StartAsync();
        var reset = context.Time.GetUtcNow().AddHours(2);
        context.Server.Enqueue(
            "POST",
            StatusesPath,
            FakeMastodonResponse.Fixture(200, "status_created.json").WithRateLimit(300, 0, reset));
        await context.Client.PostStatusAsync(Status(), "outbox-key-8").WaitAsync(s_timeout);

        var exception = await Assert.ThrowsAsync<MastodonApiException>(
            () => context.Client.PostStatusAsync(Status(), "outbox-key-9").WaitAsync(s_timeout));
        await context.Client.VerifyCredentialsAsync().WaitAsync(s_timeout);

        Assert.True(exception.IsRetryable);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(TimeSpan.FromHours(2), exception.RetryAfter);
        Assert.Single(context.Server.Requests, r => r.Method == "POST");
        Assert.Equal(2, context.Server.Requests.Count);
    }

    [Fact]
    public async Task GetMentionNotificationsAsync_WithMinId_AsksForMentionsAfterTheCursorAndReadsLinks()
    {
        await using var context = await MastodonTestContext.StartAsync();

        var page = await context.Client.GetMentionNotificationsAsync("12", limit: 30).WaitAsync(s_timeout);

        var request = Assert.Single(context.Server.Requests);
        Assert.Equal("/api/v1/notifications", request.Path);
        Assert.Equal("mention", request.Query["types[]"]);
        Assert.Equal("12", request.Query["min_id"]);
        Assert.Equal("30", request.Query["limit"]);
        Assert.Equal(["17", "15"], page.Items.Select(n => n.Id));
        var newest = page.Items[0];
        Assert.Equal("mention", newest.Type);
        Assert.Equal(new DateTimeOffset(2022, 8, 30, 23, 12, 47, TimeSpan.Zero), newest.CreatedAt);
        Assert.Equal("trwnh@mastodon.social", newest.Account.Acct);
        Assert.NotNull(newest.Status);
        Assert.Equal("108914398911648589", newest.Status.Id);
        Assert.Equal("epigraphs@social.example", Assert.Single(newest.Status.Mentions).Acct);
        Assert.Equal("17", page.PrevMinId);
        Assert.Equal("15", page.NextMaxId);
        Assert.NotNull(page.RateLimit);
        Assert.Equal(299, page.RateLimit.Remaining);
    }

    [Fact]
    public async Task GetMentionNotificationsAsync_WithoutCursor_SendsNoMinId()
    {
        await using var context = await MastodonTestContext.StartAsync();

        await context.Client.GetMentionNotificationsAsync(null).WaitAsync(s_timeout);

        var request = Assert.Single(context.Server.Requests);
        Assert.False(request.Query.ContainsKey("min_id"));
        Assert.Equal("40", request.Query["limit"]);
        Assert.Equal("mention", request.Query["types[]"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(81)]
    public async Task GetMentionNotificationsAsync_LimitOutsideOneTo80_Throws(int limit)
    {
        await using var context = await MastodonTestContext.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => context.Client.GetMentionNotificationsAsync("1", limit));

        Assert.Empty(context.Server.Requests);
    }

    [Fact]
    public async Task Errors_WithOAuthDescription_CombineErrorAndDescription()
    {
        await using var context = await MastodonTestContext.StartAsync();
        context.Server.Enqueue("GET", "/api/v2/instance", FakeMastodonResponse.Fixture(400, "error_oauth.json"));

        var exception = await Assert.ThrowsAsync<MastodonApiException>(() => context.Client.GetInstanceAsync().WaitAsync(s_timeout));

        Assert.StartsWith("invalid_grant: The provided authorization grant is invalid", exception.Error, StringComparison.Ordinal);
        Assert.False(exception.IsRetryable);
    }

    [Fact]
    public async Task AccessToken_NeverAppearsInLogsOrExceptions()
    {
        await using var context = await MastodonTestContext.StartAsync(options => options.MaxAttempts = 2);
        const string OtherToken = "other-secret-token-93b1";
        var failures = new List<Exception>();

        var refused = context.Factory.Create("second", context.Server.BaseUri.ToString(), OtherToken);
        failures.Add(await Assert.ThrowsAnyAsync<MastodonApiException>(() => refused.VerifyCredentialsAsync().WaitAsync(s_timeout)));

        context.Server.Enqueue("POST", StatusesPath, FakeMastodonResponse.Html(503, "proxy_503.html"), FakeMastodonResponse.Stalled());
        var post = context.Client.PostStatusAsync(Status(), "outbox-key-10");
        await context.Time.CompleteNextDelayAsync();
        await context.Server.WaitForRequestsAsync(3);
        context.Time.Advance(MastodonTestContext.RequestTimeout);
        failures.Add(await Assert.ThrowsAnyAsync<MastodonApiException>(() => post.WaitAsync(s_timeout)));

        failures.Add(await PostAnsweredWithAsync(context, FakeMastodonResponse.Fixture(422, "error_422.json")));

        failures.Add(Assert.Throws<ArgumentException>(() => context.Factory.Create("third", context.Server.BaseUri.ToString(), OtherToken + " x")));

        Assert.Contains(context.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        var text = string.Join("\n", context.Logs.GetSnapshot().Select(r => r.AllText()).Concat(failures.Select(f => f.ToString())));
        Assert.DoesNotContain(FakeMastodonServer.AccessToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherToken, text, StringComparison.Ordinal);
    }

    private static async Task<MastodonApiException> PostAnsweredWithAsync(MastodonTestContext context, FakeMastodonResponse answer)
    {
        context.Server.Enqueue("POST", StatusesPath, answer);
        return await Assert.ThrowsAsync<MastodonApiException>(
            () => context.Client.PostStatusAsync(Status(), "outbox-key").WaitAsync(s_timeout));
    }

    private static void AssertSentWithKey(MastodonTestContext context, int count, string idempotencyKey)
    {
        Assert.Equal(count, context.Server.Requests.Count);
        Assert.All(context.Server.Requests, r => Assert.Equal(idempotencyKey, r.Header("Idempotency-Key")));
    }

    private static JsonStatusCreate Status() => new() { Status = "\"Solidarity is a verb.\"", Visibility = MastodonVisibility.Public };
}
