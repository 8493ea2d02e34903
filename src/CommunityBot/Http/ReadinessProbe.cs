using System.Data.Common;
using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Content;
using CommunityBot.Discord;
using CommunityBot.Mastodon;
using CommunityBot.Storage;
using Microsoft.Extensions.Options;

namespace CommunityBot.Http;

/// <summary>
/// Whether this instance can do its work now: the corpus is loaded, storage takes writes, and every configured
/// transport serves (all of this instance's gateway shards READY, or HTTP interactions; each Mastodon account verified).
/// </summary>
public sealed class ReadinessProbe(
    ContentStore content,
    IOptions<DiscordBotOptions> discord,
    BotDatabase? database = null,
    ShardedGatewayClient? gateway = null,
    MastodonAccounts? mastodon = null)
{
    // Short, so that a locked database answers 503 within a probe's timeout instead of waiting out the bot's 10 s.
    private const int StorageTimeoutSeconds = 1;

    /// <summary>What is not ready, one short phrase each; empty when all is.</summary>
    public async Task<IReadOnlyList<string>> NotReadyAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (content.Index.Essays.Count == 0)
        {
            problems.Add($"content: no essays loaded from {content.Directory}");
        }
        if (database is not null && await StorageProblemAsync(database, cancellationToken) is { } storage)
        {
            problems.Add(storage);
        }
        if (discord.Value.Enabled && discord.Value.Gateway && gateway is not null && !gateway.AllShardsServing)
        {
            problems.Add("discord: the gateway is not READY on every shard of this instance");
        }
        foreach (var account in mastodon?.All ?? [])
        {
            if (account.Problem is { } problem)
            {
                problems.Add($"mastodon account {account.Options.Name}: {problem}");
            }
            else if (account.Username is null)
            {
                problems.Add($"mastodon account {account.Options.Name}: not verified yet");
            }
        }
        return problems;
    }

    // A write that changes nothing, in a transaction that is rolled back: SQLite's BEGIN IMMEDIATE takes the write
    // lock, and PostgreSQL refuses the DELETE on a read-only server.
    private static async Task<string?> StorageProblemAsync(BotDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = database.Factory.CreateConnection()!;
            connection.ConnectionString = database.IsPostgres
                ? database.ConnectionString
                : new DbConnectionStringBuilder { ConnectionString = database.ConnectionString, ["Default Timeout"] = StorageTimeoutSeconds }.ConnectionString;
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.Command("DELETE FROM outbox WHERE 1 = 0");
            command.Transaction = transaction;
            command.CommandTimeout = StorageTimeoutSeconds;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        catch (DbException exception)
        {
            return $"storage: not writable ({exception.Message})";
        }
    }
}
