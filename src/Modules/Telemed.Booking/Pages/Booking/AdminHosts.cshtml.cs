using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;

namespace Telemed.Booking.Pages.Booking;

[Authorize(Policy = BookingPermissions.Names.ManageHosts)]
public sealed class AdminHostsModel(BookingDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<HostProfile> Hosts { get; private set; } = [];
    public DateOnly Today { get; } = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(-1));

    public async Task OnGetAsync() =>
        Hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.DisplayName).ToListAsync(HttpContext.RequestAborted);
}
