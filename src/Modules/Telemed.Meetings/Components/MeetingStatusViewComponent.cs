using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Meetings.Endpoints;
using Telemed.Meetings.Links;

namespace Telemed.Meetings.Components;

/// <summary>
/// An appointment's video meeting for any page: <c>@await Component.InvokeAsync("MeetingStatus", new { appointmentId, audience = "host" })</c>.
/// Patients get Join and the passcode inside the Join window; the host and admins get Start session inside the Start
/// window, the state, and why there is no meeting. Asking for the host view without being the host or an admin yields
/// the patient view.
/// </summary>
public sealed class MeetingStatusViewComponent(MeetingsDb db, MeetingLinks links, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid appointmentId, string audience = "patient")
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, HttpContext.RequestAborted);
        if (appointment is null)
        {
            return Content("");
        }

        var forStaff = audience is "host" or "admin" && StartSessionEndpoint.MaySeeStartLink(HttpContext.User, appointment);
        var info = forStaff
            ? await links.GetForHostAsync(appointmentId, freshStartUrl: false, HttpContext.RequestAborted)
            : await links.GetForPatientAsync(appointmentId, HttpContext.RequestAborted);
        var now = clock.GetUtcNow();
        return View("~/Pages/Meetings/Components/MeetingStatus.cshtml",
            new MeetingStatusView(appointmentId, forStaff, info!, forStaff && info!.CanStartAt(now), info!.CanJoinAt(now)));
    }
}

public sealed record MeetingStatusView(Guid AppointmentId, bool ForStaff, MeetingInfo Info, bool CanStart, bool CanJoin)
{
    public string StartMinutes => MeetingWindows.StartOpensBefore.TotalMinutes.ToString("0");
    public string JoinMinutes => MeetingWindows.JoinOpensBefore.TotalMinutes.ToString("0");
}
