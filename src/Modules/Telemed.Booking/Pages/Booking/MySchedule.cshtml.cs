using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Sends a host to the edit page of their own host profile.</summary>
[Authorize(Policy = BookingPermissions.Names.EditOwnSchedule)]
public sealed class MyScheduleModel(StaffContext staff) : PageModel
{
    public async Task<IActionResult> OnGetAsync(bool welcome = false) =>
        await staff.OwnHostAsync(HttpContext.RequestAborted) is { } host
            ? Redirect($"{Request.PathBase}/admin/hosts/edit/{host.Id}" + (welcome ? "?welcome=true" : ""))
            : Page();
}
