using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Telemed.Core.Tenancy;

namespace Telemed.Notifications.Delivery;

/// <summary>An e-mail ready to go: text and (optionally) HTML parts and a calendar invite.</summary>
public sealed record MailToSend(string To, string Subject, string Text, string? Html, string? Ics, string? IcsMethod);

/// <summary>Sends e-mail over SMTP with MailKit: the configured server, or the embedded loopback one.</summary>
public sealed class SmtpMailer(IOptions<EmailOptions> options, SmtpConnections connections)
{
    public MimeMessage Compose(Tenant clinic, MailToSend mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(clinic.Name, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("telemed.local");
        if (options.Value.UsesEmbeddedServer)
        {
            message.Headers.Add(EmbeddedSmtpServer.ClinicHeader, clinic.Id.ToString());
        }

        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = string.IsNullOrEmpty(mail.Html) ? null : mail.Html };
        if (!string.IsNullOrEmpty(mail.Ics))
        {
            var invite = body.Attachments.Add("invite.ics", System.Text.Encoding.UTF8.GetBytes(mail.Ics), new ContentType("text", "calendar"));
            invite.ContentType.Parameters.Add("method", mail.IcsMethod ?? "REQUEST");
            invite.ContentType.Charset = "utf-8";
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Sends one message over a kept session and returns the server's answer. A kept session that turns out to be
    /// broken before the server accepted anything is replaced by a new one once; a refusal by the server is not retried here.
    /// </summary>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var (client, reused) = await connections.RentAsync(cancellationToken);
        try
        {
            var answer = await client.SendAsync(message, cancellationToken);
            connections.Return(client);
            return answer;
        }
        catch (Exception exception) when (reused && exception is IOException or ServiceNotConnectedException or SmtpProtocolException)
        {
            await SmtpConnections.CloseAsync(client);
            var fresh = await connections.RentFreshAsync(cancellationToken);
            try
            {
                var answer = await fresh.SendAsync(message, cancellationToken);
                connections.Return(fresh);
                return answer;
            }
            catch
            {
                await SmtpConnections.CloseAsync(fresh);
                throw;
            }
        }
        catch
        {
            await SmtpConnections.CloseAsync(client);
            throw;
        }
    }
}
