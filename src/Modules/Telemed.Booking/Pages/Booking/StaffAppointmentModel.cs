using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// Base of the staff pages for one appointment: finds it in this clinic and answers 404 unless the
/// signed-in staff member may manage it (admins any, hosts their own).
/// </summary>
public abstract class StaffAppointmentModel(AppointmentQueries appointments, StaffContext staff) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public AppointmentRow Row { get; private set; } = null!;

    protected StaffContext Staff => staff;

    protected async Task<IActionResult?> LoadAsync()
    {
        var row = await appointments.FindAsync(Id, HttpContext.RequestAborted);
        if (row is null || !await staff.MayManageAsync(row.Appointment, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        Row = row;
        return null;
    }
}
