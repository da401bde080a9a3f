using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Booking.Catalog;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;
using Telemed.Booking.Recipes;
using Telemed.Booking.Services;
using Telemed.Booking.Workflows;
using Telemed.Core.Clinic;
using Telemed.Core.Data;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Workflows;

namespace Telemed.Booking;

/// <summary>Services, hosts, availability, bookings held by the database, the public booking site, portal and dashboard.</summary>
public sealed class BookingStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenantDbContext<BookingDb>();
        services.AddMigrations<BookingMigrations>();
        services.AddScoped<SlotFinder>();
        services.AddSingleton<BookingCatalogs>();
        services.AddScoped<CatalogReader>();
        services.AddScoped<SlotSearch>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BookingJsonContext.Default));
        services.AddScoped<BookingService>();
        services.AddScoped<BookingIdempotency>();
        services.AddScoped<AppointmentActions>();
        services.AddScoped<AppointmentEvents>();
        services.AddScoped<AppointmentQueries>();
        services.AddScoped<StaffAgenda>();
        services.AddSetupSteps<BookingSetupSteps>();
        services.AddDashboardSection("Agenda", BookingPermissions.ManageAppointments.Name, 10);
        services.AddScoped<ManageLinks>();
        services.AddScoped<StaffContext>();
        services.AddScoped<MeetingLookup>();
        services.AddSingleton<MeetingProviderChoices>();
        services.AddScoped<SlotSuggestions>();
        services.AddScoped<StaffFreeTimes>();
        services.AddScoped<StaffCalendar>();
        services.AddScoped<IHostDirectory, HostDirectory>();
        services.AddScoped<IAppointmentDirectory, AppointmentDirectory>();
        services.AddSingleton<IRecipeStep, ServicesRecipeStep>();
        services.AddSingleton<IRecipeStep, HostsRecipeStep>();

        // The manage and confirmation links are the patient's key to the appointment; the reschedule picker carries it as ?change=.
        services.AddNoReferrerPaths("/book/manage", "/book/confirmation");
        services.AddNoReferrerQueryKeys("change");
        services.AddWorkflowActivity<SetAppointmentStatusActivity>();
        services.AddPermissions<BookingPermissions>();
        services.AddAdminMenu(
            new AdminMenuItem("Appointments", "/admin/appointments", BookingPermissions.ManageAppointments.Name, 10),
            new AdminMenuItem("Calendar", "/admin/calendar", BookingPermissions.ManageAppointments.Name, 12),
            new AdminMenuItem("Services", "/admin/services", BookingPermissions.ManageServices.Name, 30, Group: AdminMenuGroups.Setup),
            new AdminMenuItem("Hosts", "/admin/hosts", BookingPermissions.ManageHosts.Name, 40, Group: AdminMenuGroups.Setup),
            new AdminMenuItem("My schedule", "/admin/my-schedule", BookingPermissions.EditOwnSchedule.Name, 45));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        BookingEndpoints.Map(endpoints);
        CalendarEndpoints.Map(endpoints);
        BookingApiEndpoints.Map(endpoints);
        AppointmentsApiEndpoints.Map(endpoints);
        PatientsApiEndpoints.Map(endpoints);
    }
}
