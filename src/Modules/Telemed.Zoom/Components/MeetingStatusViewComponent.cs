using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Zoom.Data;
using Telemed.Zoom.Endpoints;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Components;

/// <summary>
/// An appointment's Zoom meeting for any page: <c>@await Component.InvokeAsync("MeetingStatus", new { appointmentId, audience = "host" })</c>.
/// Patients get Join and the passcode from 10 minutes before the start until the end; the host and admins get
/// Start session from 15 minutes before, the state, and why there is no meeting. Asking for the host view
/// without being the host or an admin yields the patient view.
/// </summary>
public sealed class MeetingStatusViewComponent(ZoomDb db, ZoomMeetingLinks links, TimeProvider clock) : ViewComponent
{
    public static readonly TimeSpan JoinOpensBefore = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan StartOpensBefore = TimeSpan.FromMinutes(15);

    public async Task<IViewComponentResult> InvokeAsync(Guid appointmentId, string audience = "patient")
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, HttpContext.RequestAborted);
        if (appointment is null)
        {
            return Content("");
        }

        var forStaff = audience is "host" or "admin" && ZoomEndpoints.MaySeeStartLink(HttpContext.User, appointment);
        var info = forStaff
            ? await links.GetForHostAsync(appointmentId, freshStartUrl: false, HttpContext.RequestAborted)
            : await links.GetForPatientAsync(appointmentId, HttpContext.RequestAborted);
        var now = clock.GetUtcNow();
        var inProgressWindow = now < appointment.EndUtc;
        var view = new MeetingStatusView(
            appointmentId,
            forStaff,
            info!,
            appointment.StartUtc,
            appointment.EndUtc,
            CanStart: forStaff && info!.State == MeetingState.Created && now >= appointment.StartUtc - StartOpensBefore && inProgressWindow,
            CanJoin: info!.State == MeetingState.Created && now >= appointment.StartUtc - JoinOpensBefore && inProgressWindow);
        return View("~/Pages/Zoom/Components/MeetingStatus.cshtml", view);
    }
}

public sealed record MeetingStatusView(
    Guid AppointmentId, bool ForStaff, MeetingInfo Info, DateTimeOffset StartUtc, DateTimeOffset EndUtc, bool CanStart, bool CanJoin);
