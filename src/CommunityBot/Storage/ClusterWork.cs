using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CommunityBot.Storage;

/// <summary>
/// A piece of work that must run on one instance of a cluster at a time: polling one feed, polling one Mastodon
/// account's mentions, announcing the essays folder. Each has its own lock, so an instance that lacks a feed or an
/// account in its configuration never holds the lock that would keep one that has it from doing the work.
/// </summary>
public readonly record struct ClusterWork
{
    private ClusterWork(string name)
    {
        Name = name;
        // PostgreSQL's advisory locks are keyed by a number; a hash of the name gives every instance the same one.
        Key = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("communitybot:" + name)));
    }

    public static ClusterWork EssayFolder { get; } = new("essays folder");

    public string Name { get; }

    /// <summary>The PostgreSQL advisory lock key of this work.</summary>
    public long Key { get; }

    public static ClusterWork Feed(string url) => new("feed " + url);

    public static ClusterWork Mentions(string account) => new("mentions of " + account);

    public override string ToString() => Name;
}
