using Telemed.Core.Security;

namespace Telemed.Booking;

/// <summary>The booking module's rights and the roles that hold them by default.</summary>
public sealed class BookingPermissions : IPermissionProvider
{
    public static readonly Permission ManageServices = new("booking.services", "Create and edit the services patients book", Roles.ClinicAdmin);
    public static readonly Permission ManageHosts = new("booking.hosts", "Create and edit hosts and their schedules", Roles.ClinicAdmin);
    public static readonly Permission EditOwnSchedule = new("booking.schedule", "Edit one's own hours and time away", Roles.Host);
    public static readonly Permission ManageAppointments = new("booking.appointments", "See and manage appointments (hosts: their own)", Roles.ClinicAdmin, Roles.Host);
    public static readonly Permission UsePortal = new("booking.portal", "See one's own appointments as a patient", Roles.Patient, Roles.Host, Roles.ClinicAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageServices, ManageHosts, EditOwnSchedule, ManageAppointments, UsePortal];
}
