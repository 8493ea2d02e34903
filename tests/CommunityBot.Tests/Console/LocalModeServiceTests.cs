using CommunityBot.Commands;
using CommunityBot.Console;
using CommunityBot.Content;
using CommunityBot.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CommunityBot.Tests.Console;

public sealed class LocalModeServiceTests : IDisposable
{
    private readonly ScriptedReader _input = new();
    private readonly RecordingWriter _output = new();
    private readonly Mock<IEpigraphScheduler> _epigraphs = new();
    private readonly Mock<IHostApplicationLifetime> _lifetime = new();
    private readonly LocalModeService _service;

    public LocalModeServiceTests()
    {
        var contentOptions = Options.Create(new ContentOptions { Path = RepositoryPaths.SeedEssays });
        var content = new ContentStore(contentOptions, NullLogger<ContentStore>.Instance);
        var random = new Mock<IRandomSource>();
        var commands = new CommandCore(content, random.Object, contentOptions);
        var schedule = Options.Create(new ScheduleOptions { Epigraph = new EpigraphScheduleOptions { Cron = "0 9 * * *", TimeZone = "Europe/Berlin" } });
        // Berlin is on summer time by then: 07:00 UTC is 09:00 local.
        _epigraphs.Setup(s => s.NextFireAsync("console", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero));
        _service = new LocalModeService(new LocalConsole(_input, _output), content, commands, _epigraphs.Object, schedule, _lifetime.Object);
    }

    public void Dispose()
    {
        _service.Dispose();
        _input.Dispose();
    }

    [Fact]
    public async Task Start_SaysWhatWasLoadedAndWhenTheEpigraphIsDue()
    {
        await _service.StartAsync(CancellationToken.None);

        await _output.WaitForAsync("Next epigraph");
        Assert.Contains("7 essays, 11 quotes loaded from " + RepositoryPaths.SeedEssays, _output.Text, StringComparison.Ordinal);
        Assert.Contains("Next epigraph: 2026-03-29 09:00 Europe/Berlin (schedule '0 9 * * *')", _output.Text, StringComparison.Ordinal);
        await _service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TypedCommands_AreAnswered_AndEndOfInputStops()
    {
        await _service.StartAsync(CancellationToken.None);

        _input.Type("quote cesaire");
        await _output.WaitForAsync("— Aimé Césaire");
        _input.Type("essay nothing like it");
        await _output.WaitForAsync("No essay is called \"nothing like it\", and no title is close: essays lists them all.");
        _input.Type(null);

        await _service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        _lifetime.Verify(l => l.StopApplication(), Times.Once);
    }
}
