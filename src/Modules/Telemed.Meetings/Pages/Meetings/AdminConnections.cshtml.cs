using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Clinic;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Pages.Meetings;

/// <summary>Every host's video connections, with connect / reconnect on their behalf.</summary>
[Authorize(Policy = MeetingsPermissions.Names.Manage)]
public sealed class AdminConnectionsModel(ConnectionFlow connections, MeetingProviderRegistry providers, HostResolver hosts) : PageModel
{
    public sealed record Row(HostSummary Host, IReadOnlyList<(string Provider, string Name, HostConnection? Connection)> Connections);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<IOAuthConnector> Connectors => providers.Connectors;
    public bool HasDirectory => hosts.Directory is not null;

    public string NameOf(string provider) => providers.NameOf(provider);

    public async Task OnGetAsync()
    {
        if (hosts.Directory is null)
        {
            return;
        }

        var all = await connections.ListAsync(cancellationToken: HttpContext.RequestAborted);
        Rows = (await hosts.Directory.ListAsync(HttpContext.RequestAborted))
            .OrderBy(h => h.DisplayName)
            .Select(h => new Row(h, providers.Connectors
                .Select(c => (c.ProviderId, providers.NameOf(c.ProviderId), all.FirstOrDefault(x => x.HostId == h.Id && x.Provider == c.ProviderId)))
                .ToList()))
            .ToList();
    }
}
