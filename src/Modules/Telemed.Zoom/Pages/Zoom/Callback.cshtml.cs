using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Pages.Zoom;

/// <summary>Where Zoom sends the browser back after consent: finish the connection and return to the connection page.</summary>
[Authorize(Policy = ZoomPermissions.Names.ConnectZoom)]
public sealed class CallbackModel(ZoomConnections connections, ZoomMeetingPlanner planner) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error)
    {
        var outcome = await connections.CompleteAsync(state, code, error, HostResolver.UserId(User), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            await planner.ResumeHostAsync(outcome.HostId!.Value, HttpContext.RequestAborted);
            TempData["Status"] = "Zoom is connected.";
        }
        else
        {
            TempData["Error"] = outcome.Error;
        }

        return RedirectToPage("Connection", new { hostId = User.IsInRole(Telemed.Core.Security.Roles.ClinicAdmin) ? outcome.HostId : null });
    }
}
