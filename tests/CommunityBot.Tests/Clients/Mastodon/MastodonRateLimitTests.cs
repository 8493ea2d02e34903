using System.Net;
using CommunityBot.Clients.Mastodon;

namespace CommunityBot.Tests.Clients.Mastodon;

public sealed class MastodonRateLimitTests
{
    private static readonly DateTimeOffset s_now = new(2022, 12, 1, 20, 55, 0, TimeSpan.Zero);

    [Fact]
    public void FromHeaders_MastodonHeaders_ParsesIsoResetWithMicroseconds()
    {
        using var response = Response(("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "220"), ("X-RateLimit-Reset", "2022-12-01T21:00:00.558186Z"));

        var limit = MastodonRateLimit.FromHeaders(response.Headers);

        Assert.Equal(new MastodonRateLimit(300, 220, new DateTimeOffset(2022, 12, 1, 21, 0, 0, TimeSpan.Zero).AddTicks(5_581_860)), limit);
    }

    [Fact]
    public void FromHeaders_MissingReset_ReturnsNull()
    {
        using var response = Response(("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "220"));

        Assert.Null(MastodonRateLimit.FromHeaders(response.Headers));
    }

    [Theory]
    [InlineData(299, 10_033_445)]
    [InlineData(0, 3_000_000_000)]
    [InlineData(1, 3_000_000_000)]
    public void SuggestedInterval_SpreadsRemainingRequestsUntilReset(int remaining, long expectedTicks)
    {
        var limit = new MastodonRateLimit(300, remaining, s_now.AddMinutes(5));

        Assert.Equal(expectedTicks, limit.SuggestedInterval(s_now).Ticks);
    }

    [Fact]
    public void SuggestedInterval_ResetPassed_IsZero() =>
        Assert.Equal(TimeSpan.Zero, new MastodonRateLimit(300, 0, s_now.AddSeconds(-1)).SuggestedInterval(s_now));

    [Fact]
    public void LinkHeader_NextAndPrev_YieldsOpaqueCursors()
    {
        using var response = Response((
            "Link",
            "<https://social.example/api/v1/notifications?max_id=AZ14&types%5B%5D=mention>; rel=\"next\", <https://social.example/api/v1/notifications?min_id=AZ17>; rel=\"prev\""));

        Assert.Equal(("AZ14", "AZ17"), MastodonLinkHeader.ReadCursors(response.Headers));
    }

    [Fact]
    public void LinkHeader_Absent_YieldsNoCursors()
    {
        using var response = Response();

        Assert.Equal((null, null), MastodonLinkHeader.ReadCursors(response.Headers));
    }

    [Fact]
    public void Gate_CountsDownKnownBudgetThenWaitsForReset()
    {
        var gate = new MastodonRateLimitGate();
        gate.Update(MastodonRateLimitBucket.Default, new MastodonRateLimit(300, 2, s_now.AddSeconds(60)));

        Assert.Equal(TimeSpan.Zero, gate.Reserve(MastodonRateLimitBucket.Default, s_now));
        Assert.Equal(TimeSpan.Zero, gate.Reserve(MastodonRateLimitBucket.Default, s_now));
        Assert.Equal(TimeSpan.FromSeconds(60), gate.Reserve(MastodonRateLimitBucket.Default, s_now));
        Assert.Equal(TimeSpan.Zero, gate.Reserve(MastodonRateLimitBucket.Default, s_now.AddSeconds(60)));
    }

    [Fact]
    public void Gate_GeneralLimitHoldsPagingButStatusLimitHoldsOnlyPosts()
    {
        var gate = new MastodonRateLimitGate();
        gate.Update(MastodonRateLimitBucket.Statuses, new MastodonRateLimit(300, 0, s_now.AddHours(3)));

        Assert.Equal(TimeSpan.FromHours(3), gate.Reserve(MastodonRateLimitBucket.Statuses, s_now));
        Assert.Equal(TimeSpan.Zero, gate.Reserve(MastodonRateLimitBucket.Paging, s_now));

        gate.Update(MastodonRateLimitBucket.Default, new MastodonRateLimit(300, 0, s_now.AddMinutes(2)));

        Assert.Equal(TimeSpan.FromMinutes(2), gate.Reserve(MastodonRateLimitBucket.Paging, s_now));
    }

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
