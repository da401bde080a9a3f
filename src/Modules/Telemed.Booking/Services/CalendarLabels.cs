using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>A state as a short code (for styles and tests) and the words shown beside the colour.</summary>
public sealed record StateLabel(string Code, string Text);

/// <summary>The words the calendar and its plain list use for an appointment's video meeting.</summary>
public static class CalendarLabels
{
    public static StateLabel Meeting(CalendarEntry entry)
    {
        var (appointment, service) = (entry.Row.Appointment, entry.Row.Service);
        if (!service.Telemed)
        {
            return new("in-person", "In person");
        }
        return entry.Meeting switch
        {
            MeetingState.Created => new("ready", "Video ready"),
            MeetingState.Pending => new("pending", "Video link pending"),
            MeetingState.Failed => new("failed", "Video failed"),
            MeetingState.Deleted => new("removed", "Video removed"),
            MeetingState.Ended => new("ended", "Video ended"),
            MeetingState.NotApplicable => new("none", "No video link"),
            _ when !appointment.IsConfirmed => new("closed", "Video closed"),
            // Just booked: the meeting is planned by a job a moment later.
            _ when entry.HasProvider => new("pending", "Video link pending"),
            _ => new("by-clinic", "Video link from the clinic"),
        };
    }
}
