using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Telemed.Core.Tenancy;

namespace Telemed.Notifications.Delivery;

/// <summary>An e-mail ready to go: text and (optionally) HTML parts and a calendar invite.</summary>
public sealed record MailToSend(string To, string Subject, string Text, string? Html, string? Ics, string? IcsMethod);

/// <summary>Sends e-mail over SMTP with MailKit: the configured server, or the embedded loopback one.</summary>
public sealed class SmtpMailer(IOptions<EmailOptions> options, EmbeddedSmtpServer embedded)
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

    /// <summary>Sends one message and returns the server's answer.</summary>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        if (settings.UsesEmbeddedServer)
        {
            if (embedded.Port == 0)
            {
                throw new InvalidOperationException("The embedded SMTP server has not started yet.");
            }
            await client.ConnectAsync("127.0.0.1", embedded.Port, SecureSocketOptions.None, cancellationToken);
        }
        else
        {
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }
        }
        var answer = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return answer;
    }
}
