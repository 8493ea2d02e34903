using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CommunityBot.Storage;

namespace CommunityBot.Benchmarks;

/// <summary>The fan-out's figures, each against the limit the fake enforced in the same run.</summary>
internal sealed class FanoutResult
{
    private readonly FanoutOptions _options;
    private readonly FanoutRecord _record;

    public FanoutResult(FanoutOptions options, FanoutRecord record, IReadOnlyList<OutboxEntry> outbox, long dueTicks,
        double? readyMs, double seedSeconds, double? botCpuSeconds, long? peakResidentKb)
    {
        _options = options;
        _record = record;
        ReadyMs = readyMs;
        SeedSeconds = seedSeconds;
        BotCpuSeconds = botCpuSeconds;
        PeakResidentKb = peakResidentKb;
        OutboxRows = outbox.Count;
        OutboxDelivered = outbox.Count(e => e.Status == "delivered");
        OutboxRetried = outbox.Count(e => e.Attempts > 1);
        DistinctRemoteIds = outbox.Where(e => e.RemoteId is not null).Select(e => e.RemoteId).Distinct(StringComparer.Ordinal).Count();
        if (outbox.Count > 0)
        {
            var created = outbox.Select(e => e.CreatedAt).Order().ToList();
            QueuedSeconds = (created[^1] - created[0]).TotalSeconds;
        }
        var accepted = record.AcceptedAt;
        if (accepted.Count == 0)
            return;
        var slot = 1.0 / options.GlobalPerSecond;
        // Each accepted request holds one slot of the global limit: N requests need at least N slots.
        SendSeconds = Seconds(accepted[^1] - accepted[0]) + slot;
        FirstPostAfterDueSeconds = Seconds(accepted[0] - dueTicks);
        DueToLastSeconds = Seconds(accepted[^1] - dueTicks) + slot;
        PerSecond = accepted.Count / SendSeconds;
    }

    public double? ReadyMs { get; }
    public double SeedSeconds { get; }
    public double? BotCpuSeconds { get; }
    public long? PeakResidentKb { get; }
    public int OutboxRows { get; }
    public int OutboxDelivered { get; }
    public int OutboxRetried { get; }
    public int DistinctRemoteIds { get; }
    // From the first outbox row written to the last: how fast the scheduled jobs produced the posts.
    public double QueuedSeconds { get; }
    public double SendSeconds { get; }
    public double FirstPostAfterDueSeconds { get; }
    public double DueToLastSeconds { get; }
    public double PerSecond { get; }

    public double ShareOfAllowed => PerSecond / _options.GlobalPerSecond;

    // From the moment the posts were due: includes Quartz firing the jobs and the outbox picking the rows up.
    public double ShareOfAllowedFromDue => DueToLastSeconds == 0 ? 0 : _options.Channels / (double)_options.GlobalPerSecond / DueToLastSeconds;

    public bool AllDeliveredOnce =>
        _record.MessagesByNonce == _options.Channels && _record.WithoutNonce == 0
        && OutboxRows == _options.Channels && OutboxDelivered == _options.Channels && DistinctRemoteIds == _options.Channels;

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine($"fan-out of {_options.Channels} channels; fake limits: global {_options.GlobalPerSecond}/s (fixed 1 s windows), " +
            $"per channel {_options.BucketLimit} per {_options.BucketSeconds} s");
        text.AppendLine($"seed {SeedSeconds:F1} s, READY {ReadyMs?.ToString("F0") ?? "-"} ms after launch, first POST {FirstPostAfterDueSeconds:F2} s after due");
        text.AppendLine($"accepted POSTs {_record.AcceptedAt.Count} over {SendSeconds:F2} s: {PerSecond:F1}/s = {ShareOfAllowed:P1} of the allowed {_options.GlobalPerSecond}/s " +
            $"(from due to last: {DueToLastSeconds:F2} s, {ShareOfAllowedFromDue:P1} of the minimum {_options.Channels / (double)_options.GlobalPerSecond:F1} s)");
        text.AppendLine($"outbox rows written by the jobs over {QueuedSeconds:F2} s ({(QueuedSeconds > 0 ? OutboxRows / QueuedSeconds : 0):F1}/s)");
        text.AppendLine($"429s: global {_record.GlobalLimited} (in {_record.GlobalLimitedWindows} windows), user {_record.UserLimited} " +
            $"({_record.BucketsLimitedMoreThanOnce} buckets more than once)");
        text.AppendLine($"messages by nonce {_record.MessagesByNonce}/{_options.Channels}, nonce replays {_record.ReplayedNonces}, without nonce {_record.WithoutNonce}; " +
            $"outbox {OutboxDelivered}/{OutboxRows} delivered, {OutboxRetried} retried, {DistinctRemoteIds} distinct message ids => " +
            (AllDeliveredOnce ? "all delivered once" : "NOT all delivered once"));
        text.Append($"bot CPU from READY {BotCpuSeconds?.ToString("F1") ?? "-"} s, peak resident {(PeakResidentKb ?? 0) / 1024.0:F1} MB");
        return text.ToString();
    }

    public string JsonLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("mode", "fanout");
            json.WriteNumber("channels", _options.Channels);
            json.WriteNumber("global_per_s", _options.GlobalPerSecond);
            json.WriteNumber("accepted", _record.AcceptedAt.Count);
            json.WriteNumber("per_s", Math.Round(PerSecond, 2));
            json.WriteNumber("share_of_allowed", Math.Round(ShareOfAllowed, 4));
            json.WriteNumber("share_of_allowed_from_due", Math.Round(ShareOfAllowedFromDue, 4));
            json.WriteNumber("queued_s", Math.Round(QueuedSeconds, 3));
            json.WriteNumber("first_post_after_due_s", Math.Round(FirstPostAfterDueSeconds, 3));
            json.WriteNumber("global_429", _record.GlobalLimited);
            json.WriteNumber("user_429", _record.UserLimited);
            json.WriteNumber("messages_by_nonce", _record.MessagesByNonce);
            json.WriteNumber("nonce_replays", _record.ReplayedNonces);
            json.WriteNumber("outbox_delivered", OutboxDelivered);
            json.WriteBoolean("all_delivered_once", AllDeliveredOnce);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;
}
