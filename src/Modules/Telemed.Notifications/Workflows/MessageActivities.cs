using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Core.Workflows;
using Telemed.Notifications.Models;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Workflows;

/// <summary>
/// The message activities. Each counts against the clinic's cap on messages per appointment, and records its messages
/// under the step's idempotency key, so a step that runs again after a crash sends nothing twice.
/// </summary>
public abstract class MessageActivity : WorkflowActivity
{
    public const string Skipped = "Skipped";

    public override string Category => "Messages";
    public override bool SendsMessages => true;
    public override IReadOnlyList<string> Outcomes => [Done, Skipped];

    protected static ActivityResult Sent(int count, string what) =>
        count == 0 ? ActivityResult.Outcome(Skipped, $"Nothing sent: no {what} recipient, or the template is switched off.")
            : ActivityResult.Outcome(Done, $"Sent {count} {what} message{(count == 1 ? "" : "s")}.");

    internal static readonly PropertyOption[] MessageOptions =
    [
        new("booked", "Appointment booked"), new("rescheduled", "Appointment rescheduled"), new("cancelled", "Appointment cancelled"),
        new("reminder", "Reminder"), new("meetinglinkready", "Meeting link ready"), new("meetinglinkchanged", "Meeting link changed"),
        new("meetingfailed", "Meeting failed (staff)"), new("completed", "Appointment completed"),
    ];

    internal static NotificationEvent EventOf(string value) => Enum.Parse<NotificationEvent>(value, ignoreCase: true);

    /// <summary>Renders the activity's subject and body and records one e-mail per address, each under the step's key.</summary>
    protected static async Task<ActivityResult> EmailAsync(ActivityContext context, IReadOnlyList<string> addresses, string what, string nobody,
        CancellationToken cancellationToken)
    {
        var subject = context.Render(context.Properties.Get("subject") ?? "").Trim();
        var body = context.Render(context.Properties.Get("body") ?? "");
        if (context.DryRun)
        {
            return ActivityResult.Outcome(addresses.Count == 0 ? Skipped : Done,
                $"Would e-mail “{subject}” to {(addresses.Count == 0 ? $"no one ({nobody})" : string.Join(", ", addresses))}.");
        }
        var log = context.Services.GetRequiredService<MessageLog>();
        foreach (var address in addresses)
        {
            await log.RecordAsync(new OutgoingMessage("email", address, subject, body)
            {
                AppointmentId = context.Appointment?.AppointmentId, Template = "workflow", DedupeKey = $"{context.IdempotencyKey}:{address}",
            }, cancellationToken: cancellationToken);
        }
        return Sent(addresses.Count, what);
    }
}

/// <summary>Sends one of the clinic's stored templates (Templates page) to the patient, the host and/or the staff.</summary>
public sealed class SendTemplateActivity : MessageActivity
{
    public override string Type => "notifications.send";
    public override string DisplayName => "Send message (template)";
    public override string Description => "Sends one of the clinic's templates by e-mail and/or SMS, with the join link and manage link filled in.";

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("message", "Template", PropertyKind.Select) { Required = true, Options = MessageOptions },
        new("recipients", "To", PropertyKind.Select)
        {
            Default = "patient",
            Options = [new("patient", "The patient"), new("host", "The host"), new("patient-and-host", "The patient and the host"), new("staff", "The clinic's staff")],
        },
        new("channels", "Channels", PropertyKind.Select) { Default = "all", Options = [new("all", "E-mail and SMS"), new("email", "E-mail only"), new("sms", "SMS only")] },
    ];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.Appointment is not { } appointment)
        {
            return ActivityResult.Outcome(Skipped, "This run is not about an appointment.");
        }
        var notification = EventOf(context.Properties.GetOr("message", "booked"));
        NotificationRecipient[] recipients = context.Properties.GetOr("recipients", "patient") switch
        {
            "host" => [NotificationRecipient.Host],
            "patient-and-host" => [NotificationRecipient.Patient, NotificationRecipient.Host],
            "staff" => [NotificationRecipient.Staff],
            _ => [NotificationRecipient.Patient],
        };
        NotificationChannel[] channels = context.Properties.GetOr("channels", "all") switch
        {
            "email" => [NotificationChannel.Email],
            "sms" => [NotificationChannel.Sms],
            _ => [NotificationChannel.Email, NotificationChannel.Sms],
        };
        if (context.DryRun)
        {
            return ActivityResult.Outcome(Done,
                $"Would send the '{notification}' template to {string.Join(" and ", recipients).ToLowerInvariant()} by {string.Join(" and ", channels).ToLowerInvariant()}.");
        }
        var meetingError = notification == NotificationEvent.MeetingFailed ? context.Meeting?.Reason ?? context.Trigger.Data["reason"]?.ToString() : null;
        var sent = await context.Services.GetRequiredService<NotificationSender>()
            .SendAsync(notification, appointment, recipients, cancellationToken, meetingError, context.IdempotencyKey, channels);
        return Sent(sent, notification.ToString());
    }
}

/// <summary>An e-mail written in the workflow (Liquid), to the patient, the host, the staff or an address.</summary>
public sealed class SendEmailActivity : MessageActivity
{
    public override string Type => "notifications.email";
    public override string DisplayName => "Send e-mail";
    public override string Description => "Sends an e-mail written here in Liquid (appointment, patient, host, service, meeting.join_url, event).";

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("to", "To", PropertyKind.Select)
        {
            Default = "patient",
            Options = [new("patient", "The patient"), new("host", "The host"), new("staff", "The clinic's staff"), new("address", "This address")],
        },
        new("address", "Address", PropertyKind.Liquid) { MaxLength = 320, Help = "Used when To is \"This address\"." },
        new("subject", "Subject", PropertyKind.Liquid) { Required = true, MaxLength = 300 },
        new("body", "Body", PropertyKind.LiquidBlock) { Required = true, MaxLength = 20_000 },
    ];

    public override IEnumerable<string> Validate(ActivityProperties properties)
    {
        if (properties.Get("to") == "address" && string.IsNullOrWhiteSpace(properties.Get("address")))
        {
            yield return "Give the address to send to.";
        }
    }

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var to = context.Properties.GetOr("to", "patient");
        var addresses = to == "address"
            ? [context.Render(context.Properties.Get("address") ?? "").Trim()]
            : (await Recipients.AddressesAsync(context, Recipients.Parse(to), cancellationToken)).Email;
        addresses = addresses.Where(a => MimeKit.MailboxAddress.TryParse(a, out _)).ToList();
        return await EmailAsync(context, addresses, "e-mail", "no address", cancellationToken);
    }
}

/// <summary>An SMS: one of the clinic's templates, or text written in the workflow.</summary>
public sealed class SendSmsActivity : MessageActivity
{
    public override string Type => "notifications.sms";
    public override string DisplayName => "Send SMS";
    public override string Description => "Texts the patient (or a number): a template's SMS, or text written here in Liquid.";

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("to", "To", PropertyKind.Select) { Default = "patient", Options = [new("patient", "The patient"), new("number", "This number")] },
        new("number", "Number", PropertyKind.Liquid) { MaxLength = 40, Help = "In international form, +44…; used when To is \"This number\"." },
        new("template", "Template", PropertyKind.Select) { Default = "", Options = [new("", "Write the text here"), .. MessageOptions] },
        new("text", "Text", PropertyKind.LiquidBlock) { MaxLength = 1600, Help = "Used when no template is chosen." },
    ];

    public override IEnumerable<string> Validate(ActivityProperties properties)
    {
        if (string.IsNullOrEmpty(properties.Get("template")) && string.IsNullOrWhiteSpace(properties.Get("text")))
        {
            yield return "Write the text, or choose a template.";
        }
        if (properties.Get("to") == "number" && string.IsNullOrWhiteSpace(properties.Get("number")))
        {
            yield return "Give the number to text.";
        }
    }

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var template = context.Properties.Get("template");
        if (!string.IsNullOrEmpty(template) && context.Properties.GetOr("to", "patient") == "patient")
        {
            if (context.Appointment is not { } appointment)
            {
                return ActivityResult.Outcome(Skipped, "This run is not about an appointment.");
            }
            if (context.DryRun)
            {
                return ActivityResult.Outcome(Done, $"Would text the '{template}' template's SMS to {appointment.PatientPhone ?? "the patient (no phone)"}.");
            }
            var sent = await context.Services.GetRequiredService<NotificationSender>().SendAsync(EventOf(template), appointment, [NotificationRecipient.Patient],
                cancellationToken, dedupeKey: context.IdempotencyKey, channels: [NotificationChannel.Sms]);
            return Sent(sent, "SMS");
        }

        var number = PhoneNumbers.Normalize(context.Properties.GetOr("to", "patient") == "number"
            ? context.Render(context.Properties.Get("number") ?? "") : context.Appointment?.PatientPhone);
        var text = string.IsNullOrEmpty(template) ? context.Render(context.Properties.Get("text") ?? "").Trim() : "";
        if (context.DryRun)
        {
            return number is null ? ActivityResult.Outcome(Skipped, "Would text nothing: no phone number.")
                : ActivityResult.Outcome(Done, $"Would text {number}: “{text}”.");
        }
        var settings = await context.Services.GetRequiredService<NotificationSettingsStore>().GetAsync(cancellationToken);
        if (number is null || text.Length == 0 || !settings.SmsEnabled)
        {
            return ActivityResult.Outcome(Skipped, number is null ? "No phone number to text." : !settings.SmsEnabled ? "SMS is switched off for the clinic." : "The text is empty.");
        }
        await context.Services.GetRequiredService<MessageLog>().RecordAsync(new OutgoingMessage("sms", number, "", text)
        {
            AppointmentId = context.Appointment?.AppointmentId, Template = "workflow", DedupeKey = $"{context.IdempotencyKey}:{number}",
        }, cancellationToken: cancellationToken);
        return Sent(1, "SMS");
    }
}

/// <summary>An e-mail to the clinic's staff (the staff address in the notification settings, or the clinic's admins).</summary>
public sealed class NotifyStaffActivity : MessageActivity
{
    public override string Type => "notifications.notify-staff";
    public override string DisplayName => "Notify staff";
    public override string Description => "E-mails the clinic's staff address (or its admins) a message written here in Liquid.";

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("subject", "Subject", PropertyKind.Liquid) { Required = true, MaxLength = 300 },
        new("body", "Body", PropertyKind.LiquidBlock) { Required = true, MaxLength = 20_000 },
    ];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var addresses = (await Recipients.AddressesAsync(context, NotificationRecipient.Staff, cancellationToken)).Email;
        return await EmailAsync(context, addresses, "staff", "no staff address", cancellationToken);
    }
}

internal static class Recipients
{
    public static NotificationRecipient Parse(string value) => value switch
    {
        "host" => NotificationRecipient.Host,
        "staff" => NotificationRecipient.Staff,
        _ => NotificationRecipient.Patient,
    };

    public static async Task<(IReadOnlyList<string> Email, string? Phone)> AddressesAsync(ActivityContext context, NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        var settings = await context.Services.GetRequiredService<NotificationSettingsStore>().GetAsync(cancellationToken);
        return await context.Services.GetRequiredService<NotificationSender>().AddressesAsync(recipient, context.Appointment, settings.StaffEmail, cancellationToken);
    }
}
