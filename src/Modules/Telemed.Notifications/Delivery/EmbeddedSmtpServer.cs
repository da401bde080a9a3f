using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Data;

namespace Telemed.Notifications.Delivery;

/// <summary>
/// The loopback SMTP server of the default run (no <c>Email:Smtp:Host</c>): it accepts the product's own mail and keeps
/// each message in its clinic's Outbox (the clinic is named by the <see cref="ClinicHeader"/> the sender adds).
/// </summary>
public sealed class EmbeddedSmtpServer(IOptions<EmailOptions> options, IServiceProvider services, ILogger<EmbeddedSmtpServer> logger) : IHostedService
{
    public const string ClinicHeader = "X-Telemed-Clinic";
    private CancellationTokenSource? _stopping;
    private Task? _running;

    /// <summary>The port it listens on once started; 0 before.</summary>
    public int Port { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.UsesEmbeddedServer)
        {
            return Task.CompletedTask;
        }
        Port = options.Value.EmbeddedPort > 0 ? options.Value.EmbeddedPort : FreePort();
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .MaxMessageSize(10 * 1024 * 1024)
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new OutboxStore(services, logger));
        _stopping = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(serverOptions, provider).StartAsync(_stopping.Token);
        logger.LogInformation("Embedded SMTP server listening on 127.0.0.1:{Port}; its mail is in each clinic's Outbox.", Port);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _running is null)
        {
            return;
        }
        await _stopping.CancelAsync();
        try { await _running.WaitAsync(cancellationToken); }
        catch (OperationCanceledException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class OutboxStore(IServiceProvider services, ILogger logger) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var bytes = buffer.ToArray();
            using var stream = new MemoryStream(bytes);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (!Guid.TryParse(message.Headers[ClinicHeader], out var tenantId))
            {
                logger.LogWarning("The embedded SMTP server refused a message without the {Header} header.", ClinicHeader);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "no clinic");
            }
            await services.GetRequiredService<TenantScopeFactory>().RunAsync(tenantId, async scope =>
            {
                var db = scope.GetRequiredService<NotificationsDb>();
                db.Outbox.Add(new CapturedMail
                {
                    MailFrom = transaction.From is { } from ? $"{from.User}@{from.Host}" : "",
                    Recipients = string.Join(", ", transaction.To.Select(t => $"{t.User}@{t.Host}")),
                    Subject = message.Subject ?? "",
                    Mime = System.Text.Encoding.UTF8.GetString(bytes),
                });
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
