using Telemed.Booking.Models;

namespace Telemed.Booking.Services;

/// <summary>When an appointment may still be changed, and by whom.</summary>
public static class AppointmentRules
{
    /// <summary>Why the appointment cannot be moved or cancelled now, or null when it can.</summary>
    /// <param name="enforceNotice">True for patients: the service's cancellation/reschedule notice applies; staff may change later.</param>
    public static BookingResult? CannotChange(Appointment appointment, Service service, DateTimeOffset now, bool enforceNotice)
    {
        if (!appointment.IsConfirmed)
        {
            return BookingResult.Fail(BookingFailure.Invalid,
                $"This appointment is {AppointmentStatus.Label(appointment.Status).ToLowerInvariant()} and can no longer be changed.");
        }

        if (appointment.StartUtc <= now)
        {
            return BookingResult.Fail(BookingFailure.TooLateToChange, "This appointment has already started and can no longer be changed.");
        }

        if (enforceNotice && appointment.StartUtc - now < TimeSpan.FromMinutes(service.ChangeNoticeMinutes))
        {
            return BookingResult.Fail(BookingFailure.TooLateToChange,
                $"Appointments can be changed online up to {DescribeMinutes(service.ChangeNoticeMinutes)} before they start. Please call the clinic.");
        }

        return null;
    }

    public static bool PatientMayChange(Appointment appointment, Service service, DateTimeOffset now) =>
        CannotChange(appointment, service, now, enforceNotice: true) is null;

    /// <summary>Completed and no-show are recorded once the appointment has started.</summary>
    public static bool MayRecordOutcome(Appointment appointment, DateTimeOffset now) =>
        appointment.IsConfirmed && appointment.StartUtc <= now;

    /// <summary>Only cancelled appointments and those that have ended may be deleted.</summary>
    public static bool MayDelete(Appointment appointment, DateTimeOffset now) =>
        appointment.Status == AppointmentStatus.Cancelled || appointment.HasEnded(now);

    public static BookingResult Changed() =>
        BookingResult.Fail(BookingFailure.Changed, "This appointment was changed by someone else meanwhile. Please reload and try again.");

    public static string DescribeMinutes(int minutes) => minutes switch
    {
        0 => "the moment",
        < 60 => $"{minutes} minutes",
        _ when minutes % 1440 == 0 => minutes == 1440 ? "1 day" : $"{minutes / 1440} days",
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };
}
