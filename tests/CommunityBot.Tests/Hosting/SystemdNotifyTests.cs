using System.Net.Sockets;
using System.Text;

namespace CommunityBot.Tests.Hosting;

public sealed class SystemdNotifyTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BuiltBot_WithNotifySocket_SaysReadyAfterStart_AndStoppingAtStop()
    {
        var folder = Directory.CreateTempSubdirectory("communitybot-notify-");
        try
        {
            var path = Path.Combine(folder.FullName, "notify.sock");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            using var process = BotProcess.Start([], new Dictionary<string, string>
            {
                ["Content__Path"] = RepositoryPaths.SeedEssays,
                ["NOTIFY_SOCKET"] = path,
                ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "bot.db")}",
            });
            _ = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            try
            {
                Assert.Equal("READY=1", await ReceiveAsync(socket));
                process.StandardInput.Close();
                Assert.Equal("STOPPING=1", await ReceiveAsync(socket));
                await process.WaitForExitAsync().WaitAsync(_timeout);
                Assert.Equal(0, process.ExitCode);
                Assert.Contains("Type a command", await output, StringComparison.Ordinal);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(_timeout);
        var length = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
