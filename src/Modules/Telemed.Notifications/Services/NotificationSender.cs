using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Core.Security;
using Telemed.Liquid;
using Telemed.Notifications.Delivery;
using Telemed.Notifications.Models;
using Telemed.Notifications.Rendering;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Services;

/// <summary>
/// Sends an event's messages: for each recipient and channel whose template is enabled, renders it, records it in the
/// message log and queues its delivery. A template that fails to render is logged as failed instead of sent half-made.
/// </summary>
public sealed class NotificationSender(TemplateStore templates, MessageRenderer renderer, MessageContexts contexts, MessageLog log,
    NotificationSettingsStore settings, IUserDirectory users, IOptions<EmailOptions> email, TimeProvider clock, ILogger<NotificationSender> logger)
{
    /// <param name="dedupeKey">Makes sending again with the same key (a retried workflow step) send nothing new.</param>
    /// <param name="channels">The channels to use; null for every channel whose template is on.</param>
    public async Task<int> SendAsync(NotificationEvent notification, AppointmentChanged appointment, IReadOnlyCollection<NotificationRecipient> recipients,
        CancellationToken cancellationToken, string? meetingError = null, string? dedupeKey = null, IReadOnlyCollection<NotificationChannel>? channels = null)
    {
        var sent = 0;
        var clinicSettings = await settings.GetAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            var addresses = await AddressesAsync(recipient, appointment, clinicSettings.StaffEmail, cancellationToken);
            if (addresses.Email.Count == 0 && addresses.Phone is null)
            {
                continue;
            }
            var context = await contexts.ForAsync(appointment, recipient, cancellationToken) with { MeetingError = meetingError };
            foreach (var channel in channels ?? [NotificationChannel.Email, NotificationChannel.Sms])
            {
                if (channel == NotificationChannel.Sms && (addresses.Phone is null || !clinicSettings.SmsEnabled))
                {
                    continue;
                }
                var key = new TemplateKey(notification, recipient, channel);
                var template = await templates.GetAsync(key, cancellationToken);
                if (!template.Enabled)
                {
                    continue;
                }
                foreach (var to in channel == NotificationChannel.Sms ? [addresses.Phone!] : addresses.Email)
                {
                    var message = Render(key, template.Content, context, to);
                    await log.RecordAsync(dedupeKey is null ? message : message with { DedupeKey = $"{dedupeKey}:{key.Name}:{to}" }, cancellationToken: cancellationToken);
                    sent++;
                }
            }
        }
        return sent;
    }

    /// <summary>The message for one recipient, with the ICS invite on appointment e-mails.</summary>
    public OutgoingMessage Render(TemplateKey key, TemplateContent content, MessageContext context, string to)
    {
        RenderedMessage message;
        try
        {
            message = renderer.Render(key, content, context);
        }
        catch (LiquidException exception)
        {
            logger.LogWarning("Template {Key} of clinic {Clinic} failed to render: {Error}", key, context.Clinic.Slug, exception.Message);
            return new OutgoingMessage(key.Channel == NotificationChannel.Sms ? "sms" : "email", to, $"[not sent] {key}", exception.Message)
            { Template = key.Name, AppointmentId = context.Appointment.AppointmentId };
        }
        if (key.Channel == NotificationChannel.Sms)
        {
            return new OutgoingMessage("sms", to, "", message.Sms) { Template = key.Name, AppointmentId = context.Appointment.AppointmentId };
        }
        var ics = WantsInvite(key.Event)
            ? IcsInvite.Write(context.Appointment, context.Clinic.Name, email.Value.FromAddress, to, context.Meeting?.JoinUrl, context.ManageUrl, clock.GetUtcNow())
            : null;
        return new OutgoingMessage("email", to, message.Subject, message.Text)
        {
            HtmlBody = message.Html, Attachment = ics, Template = key.Name, AppointmentId = context.Appointment.AppointmentId,
        };
    }

    private static bool WantsInvite(NotificationEvent e) =>
        e is NotificationEvent.Booked or NotificationEvent.Rescheduled or NotificationEvent.Cancelled or NotificationEvent.MeetingLinkReady or NotificationEvent.MeetingLinkChanged;

    /// <summary>Where a recipient's messages go: e-mail addresses and (patients only) a phone number.</summary>
    public async Task<(IReadOnlyList<string> Email, string? Phone)> AddressesAsync(NotificationRecipient recipient, AppointmentChanged? appointment,
        string? staffEmail, CancellationToken cancellationToken)
    {
        if (appointment is null && recipient != NotificationRecipient.Staff)
        {
            return ([], null);
        }
        switch (recipient)
        {
            case NotificationRecipient.Patient:
                return (string.IsNullOrWhiteSpace(appointment!.PatientEmail) ? [] : [appointment.PatientEmail], PhoneNumbers.Normalize(appointment.PatientPhone));
            case NotificationRecipient.Host:
                var host = appointment!.HostUserId is { } id ? await users.FindByIdAsync(id, cancellationToken) : null;
                return (host is null ? [] : [host.Email], null);
            default:
                if (!string.IsNullOrWhiteSpace(staffEmail))
                {
                    return ([staffEmail], null);
                }
                var admins = (await users.ListAsync(cancellationToken)).Where(u => u.Roles.Contains(Roles.ClinicAdmin)).Select(u => u.Email).ToList();
                return (admins, null);
        }
    }
}
