using System.Threading.Channels;
using Quartz;

namespace CommunityBot.Tests.Scheduling;

/// <summary>A Quartz job listener that lets a test await each job run instead of polling for its effects.</summary>
internal sealed class JobRuns : IJobListener
{
    private readonly Channel<(IJobExecutionContext Context, JobExecutionException? Failure)> _runs =
        Channel.CreateUnbounded<(IJobExecutionContext, JobExecutionException?)>();

    public string Name => nameof(JobRuns);

    public static JobRuns Attach(IScheduler scheduler)
    {
        var runs = new JobRuns();
        scheduler.ListenerManager.AddJobListener(runs, []);
        return runs;
    }

    /// <summary>The next run's context; a run that threw fails the test here.</summary>
    public async Task<IJobExecutionContext> NextAsync()
    {
        var (context, failure) = await _runs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(failure);
        return context;
    }

    public int Pending => _runs.Reader.Count;

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        _runs.Writer.TryWrite((context, jobException));
        return ValueTask.CompletedTask;
    }
}
