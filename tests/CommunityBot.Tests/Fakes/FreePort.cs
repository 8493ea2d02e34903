using System.Net;
using System.Net.Sockets;

namespace CommunityBot.Tests.Fakes;

public static class FreePort
{
    /// <summary>A loopback address with a port nothing listens on now, for a program that must be told its port.</summary>
    public static Uri NextUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
