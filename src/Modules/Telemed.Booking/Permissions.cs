using Telemed.Core.Security;

namespace Telemed.Booking;

/// <summary>The booking module's rights and the roles that hold them by default.</summary>
public sealed class BookingPermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string ManageServices = "booking.services";
        public const string ManageHosts = "booking.hosts";
        public const string EditOwnSchedule = "booking.schedule";
        public const string ManageAppointments = "booking.appointments";
        public const string UsePortal = "booking.portal";
    }

    public static readonly Permission ManageServices = new(Names.ManageServices, "Create and edit the services patients book", Roles.ClinicAdmin);
    public static readonly Permission ManageHosts = new(Names.ManageHosts, "Create and edit hosts and their schedules", Roles.ClinicAdmin);
    public static readonly Permission EditOwnSchedule = new(Names.EditOwnSchedule, "Edit one's own hours and time away", Roles.Host);
    public static readonly Permission ManageAppointments = new(Names.ManageAppointments, "See and manage appointments (hosts: their own)", Roles.ClinicAdmin, Roles.Host);
    public static readonly Permission UsePortal = new(Names.UsePortal, "See one's own appointments as a patient", Roles.Patient, Roles.Host, Roles.ClinicAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageServices, ManageHosts, EditOwnSchedule, ManageAppointments, UsePortal];
}
