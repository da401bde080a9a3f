using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Clinic;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;
using Telemed.Zoom.Data;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Pages.Zoom;

/// <summary>A host's Zoom connection: connect (OAuth with PKCE), see the connected account, disconnect, reconnect.</summary>
[Authorize(Policy = ZoomPermissions.Names.ConnectZoom)]
public sealed class ConnectionModel(ZoomConnections connections, ZoomUrls urls, HostResolver hosts, PublicUrls publicUrls, TenantContext tenantContext) : PageModel
{
    public HostSummary? Host { get; private set; }
    public ZoomConnection? Connection { get; private set; }
    public bool ForAnotherHost => Host?.UserId?.ToString() != User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    public async Task<IActionResult> OnGetAsync(Guid? hostId)
    {
        Host = await hosts.ResolveAsync(User, hostId, HttpContext.RequestAborted);
        Connection = Host is null ? null : await connections.FindForHostAsync(Host.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostConnectAsync(Guid? hostId)
    {
        var host = await hosts.ResolveAsync(User, hostId, HttpContext.RequestAborted);
        if (host is null)
        {
            return NotFound();
        }

        if (!urls.IsAvailable)
        {
            TempData["Error"] = "Zoom is not set up on this platform yet. Ask the platform operator to configure the Zoom app.";
            return RedirectToPage(new { hostId = ForOther(host) });
        }
        var redirectUri = publicUrls.ForCurrentRequest(Request, tenantContext.Required) + "/zoom/callback";
        var authorize = await connections.BeginAsync(host.Id, HostResolver.UserId(User), urls.AuthorizeUrl, redirectUri, HttpContext.RequestAborted);
        return Redirect(authorize);
    }

    public async Task<IActionResult> OnPostDisconnectAsync(Guid? hostId)
    {
        var host = await hosts.ResolveAsync(User, hostId, HttpContext.RequestAborted);
        if (host is null)
        {
            return NotFound();
        }

        var revoked = await connections.DisconnectAsync(host.Id, HttpContext.RequestAborted);
        TempData[revoked ? "Status" : "Error"] = revoked
            ? "Zoom is disconnected and its access was revoked."
            : "Zoom is disconnected here, but Zoom could not be told; remove the app in your Zoom account to be sure.";
        return RedirectToPage(new { hostId = ForOther(host) });
    }

    private Guid? ForOther(HostSummary host) => host.UserId?.ToString() == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ? null : host.Id;
}
