using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Zoom.Data;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Pages.Zoom;

/// <summary>The signed-in host's upcoming video sessions with Start session, and their Zoom connection state.</summary>
[Authorize(Policy = ZoomPermissions.Names.ConnectZoom)]
public sealed class SessionsModel(ZoomDb db, ZoomConnections connections, HostResolver hosts, TimeProvider clock) : PageModel
{
    public HostSummary? Host { get; private set; }
    public ZoomConnection? Connection { get; private set; }
    public IReadOnlyList<ZoomAppointment> Appointments { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Host = await hosts.ResolveAsync(User, null, HttpContext.RequestAborted);
        if (Host is null)
        {
            return;
        }

        Connection = await connections.FindForHostAsync(Host.Id, HttpContext.RequestAborted);
        var now = clock.GetUtcNow();
        Appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.HostId == Host.Id && a.EndUtc > now && (a.Active || a.Reason != null))
            .OrderBy(a => a.StartUtc)
            .Take(100)
            .ToListAsync(HttpContext.RequestAborted);
    }
}
