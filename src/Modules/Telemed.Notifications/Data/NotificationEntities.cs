using Telemed.Core.Data;

namespace Telemed.Notifications.Data;

/// <summary>A clinic's template for one <see cref="Models.TemplateKey"/>; a missing row means the default.</summary>
public sealed class NotificationTemplate : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Key { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
    public string Sms { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public string? UpdatedBy { get; set; }
}

/// <summary>A saved version of a template, newest last: the change history.</summary>
public sealed class NotificationTemplateRevision : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public string Key { get; set; } = "";
    public bool Enabled { get; set; }
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
    public string Sms { get; set; } = "";
    public string Change { get; set; } = "";
    public string? ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>The clinic's notification settings.</summary>
public sealed class NotificationSettings : ITenantOwned
{
    public Guid TenantId { get; set; }
    /// <summary>Minutes before the start at which reminders go out.</summary>
    public int[] ReminderOffsets { get; set; } = [24 * 60, 60];
    public bool SmsEnabled { get; set; } = true;
    /// <summary>Where staff messages (a meeting that failed) go; empty: every clinic admin.</summary>
    public string? StaffEmail { get; set; }

    /// <summary>When (and by whom) an admin confirmed the templates say what the clinic wants: a step of a new clinic's set-up.</summary>
    public DateTimeOffset? TemplatesReviewedAt { get; set; }
    public string? TemplatesReviewedBy { get; set; }
}

/// <summary>The last appointment event applied, with its version: the data real-appointment previews and reminders use.</summary>
public sealed class NotifiedAppointment : ITenantOwned
{
    public Guid AppointmentId { get; set; }
    public Guid TenantId { get; set; }
    public int Version { get; set; }
    public string Status { get; set; } = "";
    public string PatientName { get; set; } = "";
    public DateTimeOffset StartUtc { get; set; }
    public string LastEvent { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A reminder planned for an appointment; moved (superseded) or dropped when the appointment changes.</summary>
public sealed class PlannedReminder : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid AppointmentId { get; set; }
    public int OffsetMinutes { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int Version { get; set; }
    /// <summary>scheduled, sent, moved (the appointment moved: a new reminder replaces it) or dropped (cancelled, or no longer right).</summary>
    public string State { get; set; } = ReminderStates.Scheduled;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public static class ReminderStates
{
    public const string Scheduled = "scheduled";
    public const string Sent = "sent";
    public const string Moved = "moved";
    public const string Dropped = "dropped";
}

/// <summary>A phone number that answered STOP: no more text messages to it from this clinic.</summary>
public sealed class SmsOptOut : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Phone { get; set; } = "";
    public DateTimeOffset OptedOutAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>An e-mail received by the embedded SMTP server, shown in the Outbox.</summary>
public sealed class CapturedMail : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public string MailFrom { get; set; } = "";
    public string Recipients { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Mime { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; } = DateTimeOffset.UtcNow;
}
