using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Delivery;

namespace Telemed.Notifications.IntegrationTests;

/// <summary>The mailer keeps its SMTP session between messages and replaces one the server dropped, over real SMTP.</summary>
public sealed class SmtpSessionsShould
{
    private static readonly Tenant Clinic = new(Guid.NewGuid(), "sessions", "Sessions Clinic", [], TenantState.Active, "clinic", "Europe/London", DateTimeOffset.UtcNow);

    [Fact]
    public async Task SendManyMessagesOverOneSessionAndReconnectWhenTheServerDroppedIt()
    {
        var server = new CapturingSmtpServer();
        var port = server.Port;
        var options = Options.Create(new EmailOptions { FromAddress = "clinic@sessions.test", Smtp = { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None } });
        await using var connections = new SmtpConnections(options, new EmbeddedSmtpServer(options, new ServiceCollection().BuildServiceProvider(), NullLogger<EmbeddedSmtpServer>.Instance));
        var mailer = new SmtpMailer(options, connections);

        for (var i = 0; i < 3; i++)
        {
            var answer = await mailer.SendAsync(mailer.Compose(Clinic, new MailToSend($"p{i}@patient.test", $"Message {i}", "Hello", null, null, null)), CancellationToken.None);
            Assert.Contains("Ok", answer, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(3, server.Messages.Count);
        Assert.Equal(1, server.Sessions);

        // The server goes away and comes back on the same port: the kept session is dead, and the next message still goes.
        await server.DisposeAsync();
        await using var restarted = new CapturingSmtpServer(port);
        await mailer.SendAsync(mailer.Compose(Clinic, new MailToSend("after@patient.test", "After the restart", "Hello again", "<p>Hello again</p>", null, null)), CancellationToken.None);

        var delivered = Assert.Single(restarted.Messages);
        Assert.Equal("After the restart", delivered.Subject);
        Assert.Equal("after@patient.test", delivered.To.Mailboxes.Single().Address);
    }
}
