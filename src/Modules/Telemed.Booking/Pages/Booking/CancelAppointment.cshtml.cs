using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Booking.Services;
using Telemed.Core;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// The step between the manage page's Cancel and the cancel itself: says what will be cancelled, in the patient's
/// zone, and asks (without insisting) why. Nothing changes until the patient confirms with the POST.
/// </summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class CancelAppointmentModel(ManageLinks links, AppointmentQueries appointments, AppointmentActions actions, TimeProvider clock)
    : ManagedAppointmentModel(links, appointments)
{
    [BindProperty]
    [StringLength(AppointmentActions.MaxReasonLength, ErrorMessage = "Please keep the reason to 500 characters.")]
    public string? Reason { get; set; }

    /// <summary>Why this appointment can no longer be cancelled online, when it cannot.</summary>
    public string? WhyNot { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Show();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Show();
        }
        var result = await actions.CancelForPatientAsync(Row.Appointment.Id, Reason, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Response.StatusCode = result.StatusCode;
            Show();
            WhyNot ??= result.Message;
            return Page();
        }
        TempData["Status"] = "Your appointment is cancelled. The clinic has been told.";
        return Redirect(ManageUrl);
    }

    private PageResult Show()
    {
        WhyNot = AppointmentRules.CannotChange(Row.Appointment, Row.Service, clock.GetUtcNow(), enforceNotice: true)?.Message;
        return Page();
    }
}
