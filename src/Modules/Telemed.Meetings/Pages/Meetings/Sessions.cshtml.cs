using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Pages.Meetings;

/// <summary>The signed-in host's upcoming video sessions with Start session, and their video connections.</summary>
[Authorize(Policy = MeetingsPermissions.Names.Host)]
public sealed class SessionsModel(MeetingsDb db, ConnectionFlow connections, MeetingProviderRegistry providers, HostResolver hosts, TimeProvider clock) : PageModel
{
    public HostSummary? Host { get; private set; }
    public IReadOnlyList<(string Name, HostConnection? Connection)> Connections { get; private set; } = [];
    public IReadOnlyList<MeetingAppointment> Appointments { get; private set; } = [];

    /// <summary>Times in the host's own zone.</summary>
    public ViewerTime Time { get; private set; } = new("UTC", DateTimeOffset.UtcNow);

    public async Task OnGetAsync()
    {
        Host = await hosts.ResolveAsync(User, null, HttpContext.RequestAborted);
        if (Host is null)
        {
            return;
        }

        Time = new ViewerTime(Host.TimeZone, clock.GetUtcNow());
        var mine = await connections.ListAsync(Host.Id, HttpContext.RequestAborted);
        Connections = providers.Connectors.Select(c => (providers.NameOf(c.ProviderId), mine.FirstOrDefault(m => m.Provider == c.ProviderId))).ToList();
        var now = clock.GetUtcNow();
        Appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.HostId == Host.Id && a.EndUtc > now && (a.Active || (a.Reason != null && a.ReasonCode != ReasonCodes.NotTelemed)))
            .OrderBy(a => a.StartUtc)
            .Take(100)
            .ToListAsync(HttpContext.RequestAborted);
    }
}
