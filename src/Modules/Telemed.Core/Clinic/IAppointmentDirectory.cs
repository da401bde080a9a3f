namespace Telemed.Core.Clinic;

/// <summary>
/// An appointment as it stands now, described as the booking module's events describe a change, so another module
/// (the meetings API, say) can act on an appointment it was asked about without reading the booking module's tables.
/// Provided by the booking module; null when the clinic has no such appointment.
/// </summary>
public interface IAppointmentDirectory
{
    Task<AppointmentChanged?> DescribeAsync(Guid appointmentId, CancellationToken cancellationToken = default);
}
