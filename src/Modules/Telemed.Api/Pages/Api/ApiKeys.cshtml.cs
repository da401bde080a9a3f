using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Api.Models;
using Telemed.Api.Services;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Pages.Api;

/// <summary>The clinic's API keys: what each may do, when it was last used, and revoking one.</summary>
[Authorize(Policy = ApiPermissions.Names.ManageApiKeys)]
public sealed class ApiKeysModel(ApiKeyStore keys, TenantContext tenantContext) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public ViewerTime Time { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Time = new ViewerTime(tenantContext.Required.TimeZone, keys.Now);
        Keys = await keys.ListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var revokedBy = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : (Guid?)null;
        if (await keys.RevokeAsync(id, revokedBy, HttpContext.RequestAborted))
        {
            TempData["Status"] = "The key is revoked: requests with it are refused from now on.";
        }
        else
        {
            TempData["Error"] = "That key was revoked already, or is not one of this clinic's keys.";
        }
        return Redirect($"{Request.PathBase}/admin/api-keys");
    }

    public string StateOf(ApiKey key) => key.IsRevoked ? "Revoked" : key.IsExpiredAt(Time.Now) ? "Expired" : "Active";
}
