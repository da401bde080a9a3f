using Microsoft.AspNetCore.Mvc;
using Telemed.Booking.Services;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Components;

/// <summary>The staff home's "today and next" with each video visit's meeting state and Start session.</summary>
public sealed class AgendaViewComponent(StaffAgenda agenda, MeetingLookup meetings, TenantContext tenantContext, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var view = await agenda.ForViewerAsync(tenantContext.Required.TimeZone, HttpContext.RequestAborted);
        return view is null
            ? View("~/Pages/Booking/Components/AgendaNoHost.cshtml")
            : View("~/Pages/Booking/Components/Agenda.cshtml", new AgendaView(view, meetings, clock.GetUtcNow()));
    }
}

public sealed record AgendaView(Agenda Agenda, MeetingLookup Meetings, DateTimeOffset Now);
