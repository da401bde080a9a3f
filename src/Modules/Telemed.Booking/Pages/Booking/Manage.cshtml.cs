using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Booking.Services;
using Telemed.Core;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The patient's own page for one appointment: reschedule or cancel within the notice rules.</summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class ManageModel(ManageLinks links, AppointmentQueries appointments, AppointmentActions actions, MeetingLookup meetings, TimeProvider clock)
    : ManagedAppointmentModel(links, appointments)
{
    [BindProperty]
    [Required(ErrorMessage = "Please tell the clinic why you are cancelling.")]
    [StringLength(AppointmentActions.MaxReasonLength, ErrorMessage = "Please keep the reason to 500 characters.")]
    public string? Reason { get; set; }

    public bool MayChange { get; private set; }
    public string? WhyNot { get; private set; }
    public string? Refusal { get; private set; }
    public JoinView Join { get; private set; } = new(false, false, null, null, "");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostCancelAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync();
        }
        var result = await actions.CancelAsync(Row.Appointment.Id, Reason!, "patient", enforceNotice: true, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Refusal = result.Message;
            Response.StatusCode = result.StatusCode;
            return await ShowAsync();
        }
        TempData["Status"] = "Your appointment is cancelled. The clinic has been told.";
        return Redirect(ManageUrl);
    }

    private async Task<PageResult> ShowAsync()
    {
        Join = await meetings.ForPatientAsync(Row.Appointment, Row.Service, HttpContext.RequestAborted);
        var refusal = AppointmentRules.CannotChange(Row.Appointment, Row.Service, clock.GetUtcNow(), enforceNotice: true);
        MayChange = refusal is null;
        WhyNot = refusal?.Message;
        return Page();
    }
}
