using System.Data.Common;
using Telemed.Booking.Models;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Services;

/// <summary>Publishes <see cref="AppointmentChanged"/> in the transaction of the change it reports.</summary>
public sealed class AppointmentEvents(EventPublisher publisher, TenantContext tenantContext)
{
    public Task PublishAsync(AppointmentChange change, Appointment appointment, Service service, HostProfile host,
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken, DateTimeOffset? previousStart = null) =>
        publisher.PublishAsync(Describe(change, appointment, service, host, previousStart), tenantContext.Required.Id, connection, transaction, cancellationToken);

    public static AppointmentChanged Describe(AppointmentChange change, Appointment appointment, Service service, HostProfile host,
        DateTimeOffset? previousStart = null) => new(
        appointment.Id,
        change,
        appointment.Status,
        service.Id,
        service.Name,
        service.Telemed,
        service.Telemed ? service.MeetingProvider : MeetingProviders.None,
        service.Capacity,
        host.Id,
        host.UserId,
        host.DisplayName,
        host.TimeZone,
        appointment.StartUtc,
        appointment.EndUtc,
        appointment.PatientName,
        appointment.PatientEmail,
        appointment.PatientPhone,
        appointment.PatientTimeZone,
        appointment.CancellationReason,
        SlotKey(appointment, service),
        previousStart,
        appointment.Version);

    /// <summary>Group appointments of one slot share its key (and so one meeting); others use their own id.</summary>
    public static string SlotKey(Appointment appointment, Service service) =>
        service.IsGroup ? $"slot:{appointment.SlotId:N}" : appointment.Id.ToString();
}
