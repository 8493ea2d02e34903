using CommunityBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Storage;

public sealed class ClusterLockSqliteTests
{
    [Fact]
    public async Task HoldsAsync_OnSqlite_AlwaysHolds_WithoutTouchingTheDatabase()
    {
        // One bot per SQLite file (the lock file), so the work is always its own; this file is never even opened.
        var missing = Path.Combine(Path.GetTempPath(), $"communitybot-{Guid.NewGuid():N}", "never", "bot.db");
        var database = new BotDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={missing};Mode=ReadOnly" }));
        using var a = new ClusterLock(database, NullLogger<ClusterLock>.Instance, "a");
        using var b = new ClusterLock(database, NullLogger<ClusterLock>.Instance, "b");

        Assert.True(await a.HoldsAsync(ClusterWork.EssayFolder, CancellationToken.None));
        Assert.True(await b.HoldsAsync(ClusterWork.EssayFolder, CancellationToken.None));
    }
}
