using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telemed.Core.Jobs;
using Telemed.Core.Messaging;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Data;
using Telemed.Notifications.Rendering;

namespace Telemed.Notifications.Delivery;

/// <summary>
/// Delivers one logged message: e-mail over SMTP, SMS through the provider (unless the number opted out). Each attempt is
/// counted with the provider's answer; a failure retries with the queue's backoff and is marked failed after the last attempt.
/// </summary>
public sealed class DeliverMessageJob(MessageLog log, SmtpMailer mailer, ISmsProvider sms, NotificationsDb db, TenantContext tenantContext,
    Microsoft.Extensions.Options.IOptions<SmsOptions> smsOptions, ILogger<DeliverMessageJob> logger) : IJobHandler
{
    public const string Kind = "notifications.deliver";

    public sealed record Payload(long MessageId);

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var id = JsonSerializer.Deserialize<Payload>(job.PayloadJson)!.MessageId;
        var message = await log.FindAsync(id, cancellationToken);
        if (message is null || message.Status is "sent" or "opted-out")
        {
            return;
        }
        try
        {
            var answer = message.Channel switch
            {
                "email" => await SendEmailAsync(message, cancellationToken),
                "sms" => await SendSmsAsync(message, cancellationToken),
                _ => throw new PermanentJobFailureException($"No delivery for channel '{message.Channel}'."),
            };
            if (answer is not null)
            {
                await log.UpdateDeliveryAsync(id, "sent", answer, countAttempt: true, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var last = job.Attempt >= job.MaxAttempts || exception is PermanentJobFailureException;
            await log.UpdateDeliveryAsync(id, last ? "failed" : "retrying", Describe(exception), countAttempt: true, CancellationToken.None);
            logger.LogInformation("Delivery of message {Id} ({Channel}) failed on attempt {Attempt}: {Error}", id, message.Channel, job.Attempt, exception.Message);
            throw;
        }
    }

    private async Task<string> SendEmailAsync(LoggedMessage message, CancellationToken cancellationToken)
    {
        var method = message.Attachment is { } ics && ics.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? IcsInvite.Cancel : IcsInvite.Request;
        var mime = mailer.Compose(tenantContext.Required, new MailToSend(message.Recipient, message.Subject, message.Body, message.HtmlBody, message.Attachment, method));
        return await mailer.SendAsync(mime, cancellationToken);
    }

    /// <summary>Null when the message was not sent because the number opted out (already recorded).</summary>
    private async Task<string?> SendSmsAsync(LoggedMessage message, CancellationToken cancellationToken)
    {
        if (await db.OptOuts.AnyAsync(o => o.Phone == message.Recipient, cancellationToken))
        {
            await log.UpdateDeliveryAsync(message.Id, "opted-out", "The number answered STOP; not sent.", countAttempt: false, cancellationToken);
            return null;
        }
        var result = await sms.SendAsync(message.Recipient, message.Body, smsOptions.Value.Sender, cancellationToken);
        if (!result.Accepted)
        {
            throw result.Permanent ? new PermanentJobFailureException(result.Answer) : new InvalidOperationException(result.Answer);
        }
        return result.Answer;
    }

    private static string Describe(Exception exception)
    {
        var text = exception is MailKit.Net.Smtp.SmtpCommandException smtp ? $"{(int)smtp.StatusCode} {smtp.Message}" : $"{exception.GetType().Name}: {exception.Message}";
        return text.Length > 500 ? text[..500] : text;
    }
}
