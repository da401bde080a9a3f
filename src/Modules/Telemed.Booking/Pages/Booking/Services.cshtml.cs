using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core;

namespace Telemed.Booking.Pages.Booking;

[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class ServicesModel(BookingDb db) : PageModel
{
    public IReadOnlyList<Service> Services { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var offered = db.ServiceHosts.Join(db.Hosts.Where(h => h.Active), l => l.HostId, h => h.Id, (l, _) => l.ServiceId);
        Services = await db.Services.AsNoTracking()
            .Where(s => s.Active && offered.Contains(s.Id))
            .OrderBy(s => s.Name)
            .ToListAsync(HttpContext.RequestAborted);
    }
}
