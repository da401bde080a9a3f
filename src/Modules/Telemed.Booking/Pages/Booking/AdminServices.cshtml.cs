using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

[Authorize(Policy = BookingPermissions.Names.ManageServices)]
public sealed class AdminServicesModel(BookingDb db, MeetingProviderChoices providers) : PageModel
{
    public MeetingProviderChoices Providers => providers;
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> HostCounts { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync()
    {
        Services = await db.Services.AsNoTracking().OrderBy(s => s.Name).ToListAsync(HttpContext.RequestAborted);
        HostCounts = await db.ServiceHosts.GroupBy(l => l.ServiceId).ToDictionaryAsync(g => g.Key, g => g.Count(), HttpContext.RequestAborted);
    }
}
