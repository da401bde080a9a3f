using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>One appointment for staff: details, meeting, outcome, cancel with a reason, delete.</summary>
[Authorize(Policy = BookingPermissions.Names.ManageAppointments)]
public sealed class AdminAppointmentModel(AppointmentQueries appointments, StaffContext staff, AppointmentActions actions,
    MeetingLookup meetings, MeetingProviderChoices providers, TimeProvider clock) : StaffAppointmentModel(appointments, staff)
{

    [BindProperty]
    [Required(ErrorMessage = "Please give a reason; the patient is told.")]
    [StringLength(AppointmentActions.MaxReasonLength, ErrorMessage = "Please keep the reason to 500 characters.")]
    public string? Reason { get; set; }

    public MeetingSectionView Meeting { get; private set; } = null!;
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostOutcomeAsync(bool attended) =>
        await LoadAsync() ?? Done(await actions.RecordOutcomeAsync(Id, attended, HttpContext.RequestAborted),
            $"Marked {(attended ? "completed" : "no-show")}.");

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
        return Done(await actions.CancelAsync(Id, Reason!, Staff.DisplayName, enforceNotice: false, HttpContext.RequestAborted), "Appointment cancelled.");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        var result = await actions.DeleteAsync(Id, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return Done(result, "");
        }
        TempData["Status"] = $"{Row.Appointment.PatientName}'s appointment was deleted.";
        return Redirect($"{Request.PathBase}/admin/appointments");
    }

    private async Task<IActionResult> ShowAsync()
    {
        var a = Row.Appointment;
        // The button fetches a fresh start link when clicked (StartLink), so the page needs only the stored state.
        var info = await meetings.ForHostAsync(a, Row.Service, freshStartUrl: false, HttpContext.RequestAborted);
        var startActive = a.IsConfirmed && info?.CanStartAt(Now) == true;
        Meeting = new MeetingSectionView(Row.Service.Telemed, meetings.HasProviderFor(Row.Service), providers.NameOf(Row.Service.MeetingProvider), info, startActive,
            MeetingLookup.MinutesBefore(a, info?.StartOpensAt));
        return Page();
    }

    private RedirectResult Done(BookingResult result, string success)
    {
        TempData[result.Succeeded ? "Status" : "Error"] = result.Succeeded ? success : result.Message;
        return Redirect($"{Request.PathBase}/admin/appointments/{Id}");
    }
}
