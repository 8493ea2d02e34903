using CommunityBot.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Quartz;

namespace CommunityBot.Tests.Scheduling;

public sealed class EpigraphJobTests
{
    private static readonly CronSchedule _nineInBerlin = CronSchedule.Parse("0 9 * * *", "Europe/Berlin");
    private static readonly DateTimeOffset _nineOnMay1 = new(2026, 5, 1, 7, 0, 0, TimeSpan.Zero);
    private readonly Mock<IEpigraphPoster> _poster = new();

    [Theory]
    [InlineData(0, true)]
    [InlineData(359, true)]
    [InlineData(360, true)]
    [InlineData(361, false)]
    public void DueSlot_IsTheScheduledTime_OnlyWithinTheGraceWindow(int minutesLate, bool posts)
    {
        var slot = EpigraphJob.DueSlot(_nineInBerlin, _nineOnMay1.AddMinutes(minutesLate), TimeSpan.FromHours(6));

        Assert.Equal(posts ? _nineOnMay1 : null, slot);
    }

    [Fact]
    public void IdempotencyKey_NamesTheTargetAndTheScheduledMinuteInUtc() =>
        Assert.Equal("epigraph:discord:1:2:202605010700", EpigraphJob.IdempotencyKey("discord:1:2", _nineOnMay1.ToOffset(TimeSpan.FromHours(2))));

    [Fact]
    public void IdempotencyKey_OfAFireTimeWithSeconds_NamesTheSecond() =>
        Assert.NotEqual(EpigraphJob.IdempotencyKey("console", _nineOnMay1.AddSeconds(10)), EpigraphJob.IdempotencyKey("console", _nineOnMay1.AddSeconds(20)));

    [Fact]
    public async Task Execute_TwiceForOneFireTime_PostsUnderTheSameKey()
    {
        var job = new EpigraphJob(_poster.Object, Options.Create(new ScheduleOptions()), NullLogger<EpigraphJob>.Instance);
        var context = Context("console", scheduled: _nineOnMay1, fired: _nineOnMay1.AddSeconds(2));

        await job.Execute(context, CancellationToken.None);
        await job.Execute(context, CancellationToken.None);

        _poster.Verify(p => p.PostAsync("console", "epigraph:console:202605010700", It.IsAny<CancellationToken>()), Times.Exactly(2));
        _poster.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Execute_LateBeyondAShorterGrace_PostsNothing()
    {
        var options = Options.Create(new ScheduleOptions { MisfireGrace = TimeSpan.FromMinutes(30) });
        var job = new EpigraphJob(_poster.Object, options, NullLogger<EpigraphJob>.Instance);

        await job.Execute(Context("console", scheduled: _nineOnMay1.AddMinutes(45), fired: _nineOnMay1.AddMinutes(45)), CancellationToken.None);

        _poster.VerifyNoOtherCalls();
    }

    private static IJobExecutionContext Context(string target, DateTimeOffset scheduled, DateTimeOffset fired)
    {
        var trigger = EpigraphScheduler.BuildTrigger(target, _nineInBerlin, new FakeTimeProvider(_nineOnMay1.AddDays(-1)));
        var context = new Mock<IJobExecutionContext>();
        context.SetupGet(c => c.MergedJobDataMap).Returns(new JobDataMap { [EpigraphJob.TargetKey] = target });
        context.SetupGet(c => c.Trigger).Returns(trigger);
        context.SetupGet(c => c.ScheduledFireTimeUtc).Returns(scheduled);
        context.SetupGet(c => c.FireTimeUtc).Returns(fired);
        return context.Object;
    }
}
