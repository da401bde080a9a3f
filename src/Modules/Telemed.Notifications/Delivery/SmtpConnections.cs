using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Telemed.Notifications.Delivery;

/// <summary>
/// Open SMTP sessions kept between messages, so a delivery costs the message's own commands instead of a connect,
/// greeting, EHLO and login each time. A session idle for longer than <see cref="MaxIdle"/> is closed rather than reused,
/// well inside the few minutes servers wait before dropping an idle client.
/// </summary>
public sealed class SmtpConnections(IOptions<EmailOptions> options, EmbeddedSmtpServer embedded) : IAsyncDisposable
{
    public static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(30);

    private readonly ConcurrentBag<(SmtpClient Client, DateTime IdleSince)> _idle = [];

    /// <summary>A connected session: an idle one if any is still fresh and connected, else a new one.</summary>
    public async Task<(SmtpClient Client, bool Reused)> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && DateTime.UtcNow - idle.IdleSince < MaxIdle)
            {
                return (idle.Client, true);
            }
            await CloseAsync(idle.Client);
        }
        return (await ConnectAsync(cancellationToken), false);
    }

    /// <summary>A new session, for when a kept one broke.</summary>
    public Task<SmtpClient> RentFreshAsync(CancellationToken cancellationToken) => ConnectAsync(cancellationToken);

    /// <summary>Gives a session back after a message it sent; one that failed is closed by <see cref="CloseAsync"/> instead.</summary>
    public void Return(SmtpClient client)
    {
        if (client.IsConnected)
        {
            _idle.Add((client, DateTime.UtcNow));
        }
        else
        {
            client.Dispose();
        }
    }

    public static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // The server has gone already; nothing to tell it.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        try
        {
            if (settings.UsesEmbeddedServer)
            {
                if (embedded.Port == 0)
                {
                    throw new InvalidOperationException("The embedded SMTP server has not started yet.");
                }
                await client.ConnectAsync(await OpenSocketAsync("127.0.0.1", embedded.Port, cancellationToken), "127.0.0.1", embedded.Port, SecureSocketOptions.None, cancellationToken);
                // The embedded server answers pipelined commands in separate small writes with Nagle's algorithm on, so the
                // second answer waits ~40 ms for this side's delayed acknowledgement; on loopback a round trip per command is cheaper.
                client.Capabilities &= ~SmtpCapabilities.Pipelining;
            }
            else
            {
                await client.ConnectAsync(await OpenSocketAsync(settings.Smtp.Host!, settings.Smtp.Port, cancellationToken), settings.Smtp.Host!, settings.Smtp.Port,
                    settings.Smtp.Security, cancellationToken);
                if (!string.IsNullOrEmpty(settings.Smtp.UserName))
                {
                    await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
                }
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A TCP connection with Nagle's algorithm off: a message's last small write (the closing dot) otherwise waits for the
    /// server's delayed acknowledgement of the previous one, about 40 ms per message.
    /// </summary>
    private static async Task<Socket> OpenSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            await CloseAsync(idle.Client);
        }
    }
}
