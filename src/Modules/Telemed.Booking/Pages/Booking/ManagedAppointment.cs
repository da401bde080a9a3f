using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// Base of the pages reached through a signed manage link: reads the token, finds the appointment
/// in this clinic, and answers 404 with a clear message for a forged or foreign link.
/// </summary>
public abstract class ManagedAppointmentModel(ManageLinks links, AppointmentQueries appointments) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";

    protected ManageLinks Links { get; } = links;

    public AppointmentRow Row { get; private set; } = null!;

    public string ManageUrl => $"{Request.PathBase}/book/manage/{Token}";

    public string PatientZone => Row.Appointment.PatientTimeZone ?? Row.Host.TimeZone;

    protected async Task<IActionResult?> LoadAsync()
    {
        if (Links.ReadToken(Token) is not { } id || await appointments.FindAsync(id, HttpContext.RequestAborted) is not { } row)
        {
            return new NotFoundObjectResult(
                "This appointment link is not valid for this clinic. Please use the link from your confirmation, or contact the clinic.");
        }
        Row = row;
        return null;
    }
}
