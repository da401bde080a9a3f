using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Booking.Catalog;
using Telemed.Booking.Models;
using Telemed.Core;

namespace Telemed.Booking.Pages.Booking;

[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class ServicesModel(CatalogReader catalog) : PageModel
{
    public IReadOnlyList<Service> Services { get; private set; } = [];

    public async Task OnGetAsync() => Services = (await catalog.CurrentAsync(HttpContext.RequestAborted)).Offered;
}
