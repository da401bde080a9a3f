using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Clinic;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Pages.Meetings;

/// <summary>A host's video accounts, one card per provider that hosts connect: connect (OAuth with PKCE), see, disconnect, reconnect.</summary>
[Authorize(Policy = MeetingsPermissions.Names.Host)]
public sealed class ConnectionsModel(ConnectionFlow connections, ConnectionCards cards, MeetingProviderRegistry providers, HostResolver hosts,
    PublicUrls publicUrls, TenantContext tenantContext) : PageModel
{
    /// <summary>Survives the round trip through the provider's consent page, for the callback to come back to.</summary>
    internal const string ReturnUrlKey = "Meetings.ReturnUrl";

    public HostSummary? Host { get; private set; }
    public IReadOnlyList<ConnectionCard> Cards { get; private set; } = [];
    public bool ForAnotherHost => Host is not null && !HostResolver.IsSelf(User, Host);

    /// <summary>Times in the host's zone (the clinic's before a host is known).</summary>
    public ViewerTime Time => new(Host?.TimeZone ?? tenantContext.Required.TimeZone, DateTimeOffset.UtcNow);

    public async Task<IActionResult> OnGetAsync(Guid? hostId)
    {
        Host = await hosts.ResolveAsync(User, hostId, HttpContext.RequestAborted);
        if (Host is not null)
        {
            Cards = await cards.ForAsync(Host.Id, HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConnectAsync(Guid? hostId, string? provider, string? returnUrl)
    {
        var host = await hosts.ResolveAsync(User, hostId, HttpContext.RequestAborted);
        if (host is null || providers.ConnectorFor(provider) is not { } connector)
        {
            return NotFound();
        }

        if (!connector.IsAvailable)
        {
            TempData["Error"] = $"{providers.NameOf(provider)} is not set up on this platform yet. Ask the platform operator to configure its app.";
            return Back(host, returnUrl);
        }

        if (LocalReturn(Url, returnUrl) is { } back)
        {
            TempData[ReturnUrlKey] = back;
        }

        var redirectUri = publicUrls.ForCurrentRequest(Request, tenantContext.Required) + connector.CallbackPath;
        return Redirect(await connections.BeginAsync(connector, host.Id, HostResolver.UserId(User), redirectUri, HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostDisconnectAsync(Guid? hostId, string? provider, string? returnUrl)
    {
        var host = await hosts.ResolveAsync(User, hostId, HttpContext.RequestAborted);
        if (host is null || providers.ConnectorFor(provider) is not { } connector)
        {
            return NotFound();
        }

        var name = providers.NameOf(provider);
        var revoked = await connections.DisconnectAsync(connector, host.Id, HttpContext.RequestAborted);
        TempData[revoked ? "Status" : "Error"] = revoked
            ? $"{name} is disconnected and its access was revoked."
            : $"{name} is disconnected here, but {name} could not be told; remove the app in your {name} account to be sure.";
        return Back(host, returnUrl);
    }

    /// <summary>A tenant-relative path of this site (the framework's local-URL check: no other site, no protocol-relative or
    /// backslashed path), or null. "~/" paths are not taken: the caller prefixes the clinic's path base itself.</summary>
    internal static string? LocalReturn(IUrlHelper url, string? returnUrl) =>
        returnUrl is ['/', ..] && url.IsLocalUrl(returnUrl) ? returnUrl : null;

    private IActionResult Back(HostSummary host, string? returnUrl) =>
        LocalReturn(Url, returnUrl) is { } back ? Redirect(Request.PathBase + back) : RedirectToPage(new { hostId = ForOther(host) });

    private Guid? ForOther(HostSummary host) => HostResolver.IsSelf(User, host) ? null : host.Id;
}
