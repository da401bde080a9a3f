using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Clinic;
using Telemed.Zoom.Data;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Pages.Zoom;

/// <summary>Every host's Zoom connection, with connect / reconnect on their behalf.</summary>
[Authorize(Policy = ZoomPermissions.Names.ManageZoom)]
public sealed class HostsModel(ZoomConnections connections, HostResolver hosts) : PageModel
{
    public IReadOnlyList<(HostSummary Host, ZoomConnection? Connection)> Rows { get; private set; } = [];
    public bool HasDirectory => hosts.Directory is not null;

    public async Task OnGetAsync()
    {
        if (hosts.Directory is null)
        {
            return;
        }

        var byHost = (await connections.ListAsync(HttpContext.RequestAborted)).ToDictionary(c => c.HostId);
        Rows = (await hosts.Directory.ListAsync(HttpContext.RequestAborted))
            .OrderBy(h => h.DisplayName)
            .Select(h => (h, byHost.GetValueOrDefault(h.Id)))
            .ToList();
    }
}
