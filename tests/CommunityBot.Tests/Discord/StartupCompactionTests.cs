using CommunityBot.Discord;
using Microsoft.Extensions.Logging.Testing;

namespace CommunityBot.Tests.Discord;

public sealed class StartupCompactionTests
{
    [Fact]
    public void AfterReady_CompactsOnce_WhateverTheNumberOfReadies()
    {
        var logger = new FakeLogger<StartupCompaction>();
        var compaction = new StartupCompaction(logger);
        var collections = GC.CollectionCount(GC.MaxGeneration);

        compaction.AfterReady();
        compaction.AfterReady();

        Assert.True(compaction.Compacted);
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > collections);
        var record = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 1200);
        Assert.True(long.Parse(record.GetStructuredStateValue("AfterKb")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void BeforeReady_NothingIsCompacted()
    {
        var compaction = new StartupCompaction(new FakeLogger<StartupCompaction>());

        Assert.False(compaction.Compacted);
    }
}
