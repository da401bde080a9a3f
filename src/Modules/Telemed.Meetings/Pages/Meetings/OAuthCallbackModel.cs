using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Security;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Pages.Meetings;

/// <summary>
/// Where a provider sends the browser back after consent (each provider's page at its registered callback path): finish
/// the connection, make the meetings that waited for it, and return to the connections page with the outcome.
/// </summary>
[Authorize(Policy = MeetingsPermissions.Names.Host)]
public abstract class OAuthCallbackModel(ConnectionFlow connections, IOAuthConnector connector, MeetingPlanner planner, MeetingProviderRegistry providers)
    : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error)
    {
        var outcome = await connections.CompleteAsync(connector, state, code, error, HostResolver.UserId(User), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            await planner.ResumeHostAsync(outcome.HostId!.Value, HttpContext.RequestAborted);
            TempData["Status"] = $"{providers.NameOf(connector.ProviderId)} is connected.";
        }
        else
        {
            TempData["Error"] = outcome.Error;
        }

        // Back to the page the connect started from (a host's own schedule page, say), else the connections page;
        // an admin may connect on a host's behalf: back to that host's card.
        if (ConnectionsModel.LocalReturn(Url, TempData[ConnectionsModel.ReturnUrlKey] as string) is { } back)
        {
            return Redirect(Request.PathBase + back);
        }
        return Redirect($"{Request.PathBase}/meetings/connections" + (User.IsInRole(Roles.ClinicAdmin) && outcome.HostId is { } host ? $"?hostId={host}" : ""));
    }
}
