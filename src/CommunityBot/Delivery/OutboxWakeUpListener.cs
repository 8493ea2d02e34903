using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityBot.Delivery;

/// <summary>
/// On PostgreSQL, wakes this instance's delivery worker when any instance enqueues a row (LISTEN on
/// <see cref="OutboxRepository.WakeUpChannel"/>, which every enqueue notifies), so a post written elsewhere goes out
/// at once instead of at this worker's next poll. One long-lived connection of its own, opened again after a loss with
/// a wait that doubles up to a minute; the poll stays the fallback meanwhile. With SQLite it does nothing: one process
/// owns the database and its in-process <see cref="DeliverySignal"/> already wakes the worker.
/// </summary>
public sealed partial class OutboxWakeUpListener(BotDatabase database, DeliverySignal signal, TimeProvider time, ILogger<OutboxWakeUpListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres)
        {
            return;
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(database.ConnectionString, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or TimeoutException or InvalidOperationException)
            {
                var delay = RetryDelay(failures++);
                LogLost(exception, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    internal static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failures, 16)));

    // A method of its own, like BotDatabase's: the JIT loads Npgsql for the methods that name its types, and a SQLite
    // run never calls this one.
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SuppressMessage("Reliability", "CA2007", Justification = "No synchronization context in a worker")]
    private async Task ListenAsync(string connectionString, Action connected, CancellationToken stoppingToken)
    {
        // Keepalives find a connection the network dropped without a word, which would otherwise wait forever.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, _) => signal.Notify();
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {OutboxRepository.WakeUpChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        connected();
        LogListening(OutboxRepository.WakeUpChannel);
        // Rows enqueued while nobody listened are looked at now rather than at the next poll.
        signal.Notify();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(EventId = 7120, Level = LogLevel.Debug, Message = "Listening for outbox wake-ups on {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(EventId = 7121, Level = LogLevel.Warning, Message = "The outbox wake-up connection was lost; delivery polls meanwhile, and it connects again in {Delay}")]
    private partial void LogLost(Exception exception, TimeSpan delay);
}
