using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Security;
using Telemed.GoogleMeet.Services;
using Telemed.Meetings;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Pages.Meetings;
using Telemed.Meetings.Planning;

namespace Telemed.GoogleMeet.Pages.GoogleMeet;

/// <summary>Where Google sends the browser back after consent: finish the connection and return to the connections page.</summary>
[Authorize(Policy = MeetingsPermissions.Names.Host)]
public sealed class CallbackModel(ConnectionFlow connections, GoogleConnector connector, MeetingPlanner planner) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error)
    {
        var outcome = await connections.CompleteAsync(connector, state, code, error, HostResolver.UserId(User), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            await planner.ResumeHostAsync(outcome.HostId!.Value, HttpContext.RequestAborted);
            TempData["Status"] = "Google Meet is connected.";
        }
        else
        {
            TempData["Error"] = outcome.Error;
        }

        return Redirect($"{Request.PathBase}/meetings/connections" + (User.IsInRole(Roles.ClinicAdmin) && outcome.HostId is { } host ? $"?hostId={host}" : ""));
    }
}
