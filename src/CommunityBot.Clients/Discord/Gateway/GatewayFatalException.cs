namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>Discord closed the gateway with a code that no reconnect can fix (4004, 4010–4014).</summary>
public sealed class GatewayFatalException : Exception
{
    public GatewayFatalException()
    {
    }

    public GatewayFatalException(string message)
        : base(message)
    {
    }

    public GatewayFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayFatalException(int shardId, GatewayCloseCode closeCode, string message)
        : base(message)
    {
        ShardId = shardId;
        CloseCode = closeCode;
    }

    public int ShardId { get; }

    public GatewayCloseCode CloseCode { get; }
}
