using System.Text;
using System.Text.Json;

namespace CommunityBot.Benchmarks;

/// <summary>The figures of one run, printed as a table for people and as one JSON line for scripts.</summary>
internal sealed class BenchmarkReport
{
    public int BotPid { get; set; }
    public double? ReadyMs { get; set; }
    public long? ResidentAfterReadyKb { get; set; }
    // Anonymous pages are heaps, stacks and JIT code; file pages are the mapped runtime and assemblies.
    public long? AnonymousAfterReadyKb { get; set; }
    public long? FileAfterReadyKb { get; set; }
    public long? ResidentEndKb { get; set; }
    public long? PeakResidentKb { get; set; }
    public int? BotThreads { get; set; }
    public double? WarmupPerSecond { get; set; }
    public int SaturationOutstanding { get; set; }
    public List<(PhaseResult Phase, double BotCpuSeconds)> Phases { get; } = [];
    public int GatewayConnections { get; set; }
    public int CommandsPut { get; set; }
    public int UnmatchedCallbacks { get; set; }
    public IReadOnlyDictionary<string, int> OtherRoutes { get; set; } = new Dictionary<string, int>();
    public string? Error { get; set; }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine($"bot pid {BotPid}: READY after {ReadyMs?.ToString("F0") ?? "-"} ms, resident after READY {Megabytes(ResidentAfterReadyKb)} " +
            $"(anonymous {Megabytes(AnonymousAfterReadyKb)}, files {Megabytes(FileAfterReadyKb)}), " +
            $"at end {Megabytes(ResidentEndKb)} (peak {Megabytes(PeakResidentKb)}), {BotThreads?.ToString() ?? "-"} threads");
        text.AppendLine($"{"phase",-16} {"sent",8} {"done",8} {"lost",5} {"per s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"send lag",9} {"bot CPU/ix",11}");
        foreach (var (phase, cpu) in Phases)
        {
            text.AppendLine($"{phase.Name,-16} {phase.Sent,8} {phase.Completed,8} {phase.Lost,5} {phase.PerSecond,9:F1} {phase.P50Ms,8:F3} {phase.P99Ms,8:F3} " +
                $"{phase.MaxMs,8:F2} {phase.MaxSendLagMs,9:F2} {CpuPerInteractionMs(phase, cpu),8:F3} ms");
        }
        text.Append($"gateway connections {GatewayConnections}, command uploads {CommandsPut}, unmatched callbacks {UnmatchedCallbacks}");
        foreach (var (route, count) in OtherRoutes)
            text.Append($", {route} x{count}");
        if (Error is not null)
            text.AppendLine().Append("ERROR: ").Append(Error);
        return text.ToString();
    }

    public string JsonLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("bot_pid", BotPid);
            WriteNullable(json, "ready_ms", ReadyMs);
            WriteNullable(json, "rss_ready_kb", ResidentAfterReadyKb);
            WriteNullable(json, "rss_anon_ready_kb", AnonymousAfterReadyKb);
            WriteNullable(json, "rss_file_ready_kb", FileAfterReadyKb);
            WriteNullable(json, "rss_end_kb", ResidentEndKb);
            WriteNullable(json, "hwm_end_kb", PeakResidentKb);
            WriteNullable(json, "bot_threads", BotThreads);
            WriteNullable(json, "warmup_per_s", WarmupPerSecond);
            json.WriteNumber("sat_k", SaturationOutstanding);
            json.WriteStartArray("phases");
            foreach (var (phase, cpu) in Phases)
            {
                json.WriteStartObject();
                json.WriteString("name", phase.Name);
                json.WriteNumber("seconds", phase.Seconds);
                json.WriteNumber("sent", phase.Sent);
                json.WriteNumber("completed", phase.Completed);
                json.WriteNumber("lost", phase.Lost);
                json.WriteNumber("per_s", phase.PerSecond);
                json.WriteNumber("p50_ms", phase.P50Ms);
                json.WriteNumber("p99_ms", phase.P99Ms);
                json.WriteNumber("max_ms", phase.MaxMs);
                json.WriteNumber("max_send_lag_ms", phase.MaxSendLagMs);
                json.WriteNumber("bot_cpu_s", Math.Round(cpu, 2));
                json.WriteNumber("bot_cpu_ms_per_interaction", CpuPerInteractionMs(phase, cpu));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("gateway_connections", GatewayConnections);
            json.WriteNumber("unmatched_callbacks", UnmatchedCallbacks);
            if (Error is not null)
                json.WriteString("error", Error);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static double CpuPerInteractionMs(PhaseResult phase, double cpuSeconds) =>
        phase.Completed == 0 ? 0 : Math.Round(cpuSeconds * 1000 / phase.Completed, 4);

    private static string Megabytes(long? kb) => kb is { } value ? $"{value / 1024.0:F1} MB" : "-";

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }
}
