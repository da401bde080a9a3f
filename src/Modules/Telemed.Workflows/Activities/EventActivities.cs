using Telemed.Core.Clinic;
using Telemed.Core.Workflows;

namespace Telemed.Workflows.Activities;

/// <summary>The happenings workflows start from (or wait for), by name.</summary>
public static class WorkflowEvents
{
    public const string Booked = "appointment.booked";
    public const string Rescheduled = "appointment.rescheduled";
    public const string Cancelled = "appointment.cancelled";
    public const string Completed = "appointment.completed";
    public const string NoShow = "appointment.no-show";
    public const string Deleted = "appointment.deleted";
    public const string ReminderDue = "appointment.reminder-due";
    public const string AppointmentTime = "appointment.time";
    public const string MeetingCreated = "meeting.created";
    public const string MeetingLinkChanged = "meeting.link-changed";
    public const string MeetingFailed = "meeting.failed";
    public const string MeetingDeleted = "meeting.deleted";
    public const string ConnectionLost = "host.connection-lost";

    public static string? Of(AppointmentChange change) => change switch
    {
        AppointmentChange.Booked => Booked,
        AppointmentChange.Rescheduled => Rescheduled,
        AppointmentChange.Cancelled => Cancelled,
        AppointmentChange.Completed => Completed,
        AppointmentChange.NoShow => NoShow,
        AppointmentChange.Deleted => Deleted,
        _ => null,
    };

    public static string? Of(MeetingChange change) => change switch
    {
        MeetingChange.Created => MeetingCreated,
        MeetingChange.LinkChanged => MeetingLinkChanged,
        MeetingChange.Failed => MeetingFailed,
        MeetingChange.Deleted => MeetingDeleted,
        _ => null,
    };

    /// <summary>The event activities of the workflows module.</summary>
    public static IEnumerable<WorkflowEventActivity> Activities() =>
    [
        new(Booked, "Appointment booked", "Appointments", "A patient (or staff) booked an appointment."),
        new(Rescheduled, "Appointment rescheduled", "Appointments", "An appointment moved to another time."),
        new(Cancelled, "Appointment cancelled", "Appointments", "An appointment was cancelled; its reason is appointment.cancellation_reason."),
        new(Completed, "Appointment completed", "Appointments", "The host marked the appointment completed."),
        new(NoShow, "Patient did not attend", "Appointments", "The host marked the appointment as a no-show."),
        new(Deleted, "Appointment deleted", "Appointments", "Staff deleted an appointment."),
        new(ReminderDue, "Reminder due", "Appointments", "One of the clinic's reminder times before an appointment has come (set on the notification settings page)."),
        new AppointmentTimeEvent(),
        new(MeetingCreated, "Meeting link ready", "Video meetings", "The slot's video meeting was made: meeting.join_url and meeting.passcode are known."),
        new(MeetingLinkChanged, "Meeting link changed", "Video meetings", "The slot's meeting was replaced and has a new join link."),
        new(MeetingFailed, "Meeting could not be made", "Video meetings", "The provider refused or kept failing; meeting.error says why."),
        new(MeetingDeleted, "Meeting removed", "Video meetings", "The slot's meeting was removed."),
        new(ConnectionLost, "Host's video connection lost", "Video meetings", "A provider stopped honouring a host's connection; event.data has host_name, provider and reason.", canWait: false),
    ];
}

/// <summary>Starts a workflow a number of minutes before an appointment starts or after it ends.</summary>
public sealed class AppointmentTimeEvent() : WorkflowEventActivity(WorkflowEvents.AppointmentTime, "Time before start / after end", "Appointments",
    "Starts at a time relative to a confirmed appointment: so many minutes before it starts or after it ends.", canWait: false)
{
    public const string BeforeStart = "before-start";
    public const string AfterEnd = "after-end";

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("minutes", "Minutes", PropertyKind.Number) { Required = true, Min = 0, Max = 60 * 24 * 60, Default = "60" },
        new("relative", "When", PropertyKind.Select)
        {
            Default = BeforeStart,
            Options = [new(BeforeStart, "before the appointment starts"), new(AfterEnd, "after the appointment ends")],
        },
    ];

    public static DateTimeOffset DueAt(AppointmentChanged appointment, ActivityProperties properties)
    {
        var minutes = properties.GetInt("minutes") ?? 60;
        return properties.GetOr("relative", BeforeStart) == AfterEnd ? appointment.EndUtc.AddMinutes(minutes) : appointment.StartUtc.AddMinutes(-minutes);
    }
}
