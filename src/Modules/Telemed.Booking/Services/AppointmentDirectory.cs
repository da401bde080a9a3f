using Telemed.Booking.Models;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>Appointments as other modules see them: the description the last change of each published.</summary>
public sealed class AppointmentDirectory(AppointmentQueries queries) : IAppointmentDirectory
{
    public async Task<AppointmentChanged?> DescribeAsync(Guid appointmentId, CancellationToken cancellationToken = default) =>
        await queries.FindAsync(appointmentId, cancellationToken) is { } row
            ? AppointmentEvents.Describe(LastChange(row.Appointment), row.Appointment, row.Service, row.Host, row.Appointment.Reschedules.LastOrDefault()?.FromUtc)
            : null;

    private static AppointmentChange LastChange(Appointment appointment) => appointment.Status switch
    {
        AppointmentStatus.Cancelled => AppointmentChange.Cancelled,
        AppointmentStatus.Completed => AppointmentChange.Completed,
        AppointmentStatus.NoShow => AppointmentChange.NoShow,
        _ => appointment.Reschedules.Count > 0 ? AppointmentChange.Rescheduled : AppointmentChange.Booked,
    };
}
