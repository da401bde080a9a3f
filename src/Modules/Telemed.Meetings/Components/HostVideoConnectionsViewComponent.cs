using Microsoft.AspNetCore.Mvc;
using Telemed.Core.Clinic;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Pages.Meetings;

namespace Telemed.Meetings.Components;

/// <summary>
/// A host's video accounts under their hours on the host page, so a new doctor sets hours and connects video in one
/// place; connecting comes back to that page. The page that invokes it has already decided the viewer may edit the host.
/// </summary>
public sealed class HostVideoConnectionsViewComponent(HostResolver hosts, ConnectionCards cards) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid hostId)
    {
        if (hosts.Directory is null || await hosts.Directory.FindAsync(hostId, HttpContext.RequestAborted) is not { } host)
        {
            return Content("");
        }

        var self = HostResolver.IsSelf(HttpContext.User, host);
        var view = new ConnectionCardsView(host, await cards.ForAsync(host.Id, HttpContext.RequestAborted), self ? null : host.Id,
            HttpContext.Request.Path.Value, new ViewerTime(host.TimeZone, DateTimeOffset.UtcNow));
        return View("~/Pages/Meetings/Components/HostVideoConnections.cshtml", view);
    }
}
