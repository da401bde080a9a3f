using Telemed.Core.Clinic;
using Telemed.Core.Events;

namespace Telemed.Meetings.Planning;

/// <summary>
/// The one way in for anything that wants an appointment's meeting to change: the workflow activities (create /
/// update / cancel / end meeting). Each call records the appointment as the event describes it
/// (an older version than one applied is ignored) and plans its slot's meeting; the provider work follows as a job.
/// </summary>
public interface IMeetingScheduler
{
    /// <summary>The appointment should have its slot's meeting, at its time: made if missing.</summary>
    Task EnsureAsync(AppointmentChanged appointment, CancellationToken cancellationToken);

    /// <summary>The appointment moved: its slot's meeting follows (and the slot it left keeps, moves or loses its own).</summary>
    Task MoveAsync(AppointmentChanged appointment, CancellationToken cancellationToken);

    /// <summary>The appointment needs no meeting any more; the slot's meeting goes once none of its appointments needs it.</summary>
    Task CancelAsync(AppointmentChanged appointment, CancellationToken cancellationToken);

    /// <summary>The appointment is over (completed, no-show): a meeting still running is ended.</summary>
    Task EndAsync(AppointmentChanged appointment, CancellationToken cancellationToken);
}

public sealed class MeetingScheduler(MeetingPlanner planner) : IMeetingScheduler
{
    public Task EnsureAsync(AppointmentChanged appointment, CancellationToken cancellationToken) => planner.PlanAsync(appointment, MeetingIntent.Live, cancellationToken);

    public Task MoveAsync(AppointmentChanged appointment, CancellationToken cancellationToken) => planner.PlanAsync(appointment, MeetingIntent.Live, cancellationToken);

    public Task CancelAsync(AppointmentChanged appointment, CancellationToken cancellationToken) => planner.PlanAsync(appointment, MeetingIntent.Off, cancellationToken);

    public Task EndAsync(AppointmentChanged appointment, CancellationToken cancellationToken) => planner.PlanAsync(appointment, MeetingIntent.Ended, cancellationToken);
}

/// <summary>
/// The wiring from before workflows drove meetings: an appointment change went straight to the scheduler. Only deliveries
/// queued then (under these kinds) still come here; new changes reach the scheduler through the clinic's workflows.
/// </summary>
public sealed class AppointmentMeetingSubscriber(IMeetingScheduler scheduler) : IEventSubscriber<AppointmentChanged>
{
    public static readonly string[] FormerKinds = ["meetings.appointment-changed", "zoom.appointment-changed", "event:AppointmentChanged:Telemed.Zoom.Jobs.AppointmentMeetingSubscriber"];

    public Task HandleAsync(AppointmentChanged appointment, CancellationToken cancellationToken) => appointment.Change switch
    {
        AppointmentChange.Booked => scheduler.EnsureAsync(appointment, cancellationToken),
        AppointmentChange.Rescheduled => scheduler.MoveAsync(appointment, cancellationToken),
        AppointmentChange.Completed or AppointmentChange.NoShow => scheduler.EndAsync(appointment, cancellationToken),
        _ => scheduler.CancelAsync(appointment, cancellationToken),
    };
}
