using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Core.Navigation;

namespace Telemed.Booking.Services;

/// <summary>A clinic can take bookings once it has a service, a host with hours who offers it, and one booking to prove it.</summary>
public sealed class BookingSetupSteps(BookingDb db) : ISetupStepSource
{
    public async Task<IReadOnlyList<SetupStep>> GetStepsAsync(CancellationToken cancellationToken)
    {
        var hasService = await db.Services.AnyAsync(s => s.Active, cancellationToken);
        var offeringHosts = await (from host in db.Hosts.AsNoTracking()
                                   where host.Active && db.ServiceHosts.Any(sh => sh.HostId == host.Id)
                                   select host).ToListAsync(cancellationToken);
        var hasHostWithHours = offeringHosts.Any(h => h.Availability.Weekly.Count > 0 || h.Availability.Overrides.Count > 0);
        var hasBooking = await db.Appointments.AnyAsync(cancellationToken);
        return
        [
            new SetupStep("Create your first service", "What patients book: its lengths and whether it is a video visit.", "/admin/services/edit", hasService, 20),
            new SetupStep("Add a host with working hours", "A doctor or staff member who offers the service, with the hours patients can book.", "/admin/hosts", hasHostWithHours, 30),
            new SetupStep("Make a test booking", "Book on your public site as a patient would, and see the confirmation arrive.", "/book", hasBooking, 60),
        ];
    }
}
