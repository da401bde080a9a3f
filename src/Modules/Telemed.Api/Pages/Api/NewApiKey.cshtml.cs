using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Api.Services;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Pages.Api;

/// <summary>Creates an API key and shows its secret this once: it is stored only as a hash, so no page can show it again.</summary>
[Authorize(Policy = ApiPermissions.Names.ManageApiKeys)]
public sealed class NewApiKeyModel(ApiKeyStore keys, TenantContext tenantContext) : PageModel
{
    [BindProperty] public ApiKeyInput Input { get; set; } = new();

    /// <summary>Set only in the answer to a successful post.</summary>
    public CreatedApiKey? Created { get; private set; }

    public ViewerTime Time => new(tenantContext.Required.TimeZone, keys.Now);

    public void OnGet() => Input = new ApiKeyInput { Scopes = [Telemed.Core.Api.ApiScopes.Read] };

    public async Task<IActionResult> OnPostAsync()
    {
        var zone = IanaZones.TryFind(tenantContext.Required.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(keys.Now, zone).DateTime);
        foreach (var (field, message) in Input.RuleProblems(today))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var createdBy = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : (Guid?)null;
        Created = await keys.CreateAsync(Input.Name!.Trim(), Input.Mode, Input.Scopes.Distinct().ToList(),
            Input.ExpiresOn is { } day ? ApiKeyInput.EndOfDay(day, zone) : null, createdBy, HttpContext.RequestAborted);
        // The secret is in this answer only: no cache, back button or proxy may keep a copy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
