namespace Telemed.Notifications.Models;

/// <summary>What a message is about.</summary>
public enum NotificationEvent
{
    Booked,
    Rescheduled,
    Cancelled,
    Reminder,
    MeetingLinkReady,
    MeetingLinkChanged,
    MeetingFailed,
    Completed,
    /// <summary>The Zoom (or other provider's) meeting topic and agenda: rendered for the meetings module, never sent.</summary>
    MeetingDetails,
}

/// <summary>Who a message is for. Host and staff templates may use the host's start link; patient templates may not.</summary>
public enum NotificationRecipient
{
    Patient,
    Host,
    Staff,
}

public enum NotificationChannel
{
    Email,
    Sms,
    /// <summary>Meeting topic (subject) and agenda (text) at the video provider.</summary>
    Meeting,
}

/// <summary>One template slot: an event for a recipient on a channel.</summary>
public readonly record struct TemplateKey(NotificationEvent Event, NotificationRecipient Recipient, NotificationChannel Channel)
{
    public string Name => $"{Event}.{Recipient}.{Channel}".ToLowerInvariant();

    public bool MayUseStartLink => Recipient != NotificationRecipient.Patient && Channel != NotificationChannel.Meeting;

    public override string ToString() => Name;

    public static bool TryParse(string? name, out TemplateKey key)
    {
        key = default;
        var parts = name?.Split('.') ?? [];
        if (parts.Length == 3
            && Enum.TryParse<NotificationEvent>(parts[0], true, out var e)
            && Enum.TryParse<NotificationRecipient>(parts[1], true, out var r)
            && Enum.TryParse<NotificationChannel>(parts[2], true, out var c))
        {
            key = new TemplateKey(e, r, c);
            return true;
        }
        return false;
    }
}

/// <summary>The parts of a template; which are used depends on the channel.</summary>
public sealed record TemplateContent(string Subject, string Html, string Text, string Sms)
{
    public static readonly TemplateContent Empty = new("", "", "", "");
}
