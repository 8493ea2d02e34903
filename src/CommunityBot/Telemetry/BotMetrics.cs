using System.Diagnostics.Metrics;
using CommunityBot.Clients.Telemetry;

namespace CommunityBot.Telemetry;

/// <summary>
/// The bot's own instruments on the <c>CommunityBot</c> meter (the clients add theirs in <see cref="ClientMetrics"/>).
/// Static like the runtime's meters: with no listener (no <c>Http:Urls</c>) each records nothing and costs a branch.
/// </summary>
public static class BotMetrics
{
    private static readonly Meter _meter = new(ClientMetrics.MeterName);

    private static readonly Counter<long> _interactions = _meter.CreateCounter<long>(
        "communitybot.interactions", "{interaction}", "Discord interactions handled, by command and outcome");

    private static readonly Histogram<double> _interactionLatency = _meter.CreateHistogram(
        "communitybot.interaction.duration", "s", "Time from receiving an interaction to its callback (the answer or the deferral)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5] });

    private static readonly Counter<long> _deliveries = _meter.CreateCounter<long>(
        "communitybot.deliveries", "{delivery}", "Outbox sends, by transport and outcome");

    private static readonly Counter<long> _feedPolls = _meter.CreateCounter<long>(
        "communitybot.feed.polls", "{poll}", "Feed polls, by outcome");

    private static readonly Counter<long> _mentionsAnswered = _meter.CreateCounter<long>(
        "communitybot.mentions.answered", "{mention}", "Mastodon mentions answered with a reply");

    private static long _outboxPending;
    private static double _outboxOldestAge;

    static BotMetrics()
    {
        _meter.CreateObservableGauge("communitybot.outbox.pending", () => Volatile.Read(ref _outboxPending),
            "{row}", "Outbox rows waiting to be sent, as of the last scrape");
        _meter.CreateObservableGauge("communitybot.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestAge),
            "s", "Age of the oldest outbox row waiting to be sent (0 when none waits)");
    }

    public static void InteractionHandled(string command, InteractionOutcome outcome) =>
        _interactions.Add(1, Tag("command", command), Tag("outcome", Name(outcome)));

    public static void InteractionCallback(string command, TimeSpan elapsed) =>
        _interactionLatency.Record(elapsed.TotalSeconds, Tag("command", command));

    public static void Delivery(string transport, string outcome) =>
        _deliveries.Add(1, Tag("transport", transport), Tag("outcome", outcome));

    public static void FeedPoll(string outcome) => _feedPolls.Add(1, Tag("outcome", outcome));

    public static void MentionAnswered(string account) => _mentionsAnswered.Add(1, Tag("account", account));

    /// <summary>What the outbox gauges show until the next call; read from the database before each scrape.</summary>
    public static void Outbox(long pending, TimeSpan oldestAge)
    {
        Volatile.Write(ref _outboxPending, pending);
        Volatile.Write(ref _outboxOldestAge, Math.Max(0, oldestAge.TotalSeconds));
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    private static string Name(InteractionOutcome outcome) => outcome switch
    {
        InteractionOutcome.Answered => "answered",
        InteractionOutcome.Deferred => "deferred",
        _ => "failed",
    };
}
