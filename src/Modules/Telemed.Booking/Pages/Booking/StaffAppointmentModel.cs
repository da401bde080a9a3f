using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// Base of the staff pages for one appointment: finds it in this clinic and answers 404 unless the
/// signed-in staff member may manage it (admins any, hosts their own).
/// </summary>
public abstract class StaffAppointmentModel(AppointmentQueries appointments, StaffContext staff) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public AppointmentRow Row { get; private set; } = null!;

    /// <summary>The viewer's zone: a doctor's own, the clinic's for anyone else.</summary>
    public ViewerTime Time { get; private set; } = null!;

    protected StaffContext Staff => staff;

    protected async Task<IActionResult?> LoadAsync()
    {
        var row = await appointments.FindAsync(Id, HttpContext.RequestAborted);
        if (row is null || !await staff.MayManageAsync(row.Appointment, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        Row = row;
        Time = await staff.ViewerTimeAsync(DateTimeOffset.UtcNow, HttpContext.RequestAborted);
        return null;
    }
}
