using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;
using Telemed.GoogleMeet.Services;

namespace Telemed.GoogleMeet.Pages.GoogleMeet;

[Authorize(Policy = GooglePermissions.Names.ManageGoogleMeet)]
public sealed class SettingsModel(GoogleMeetSettingsStore store, GoogleApps apps, GoogleUrls urls, PublicUrls publicUrls, TenantContext tenantContext) : PageModel
{
    [BindProperty]
    public GoogleMeetSettingsForm Input { get; set; } = new();

    /// <summary>Whether the platform has a Google app (or the sandbox) that hosts can connect through.</summary>
    public bool PlatformAppAvailable => urls.IsAvailable;

    /// <summary>What the clinic registers on its own OAuth client: its configured address, never the request's.</summary>
    public string RedirectUri => publicUrls.ForTenant(tenantContext.Required) + "/google/callback";

    public async Task OnGetAsync() => Input = GoogleMeetSettingsForm.From(await store.GetAsync(HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        var settings = await store.GetAsync(HttpContext.RequestAborted);
        Input.HasClientSecret = settings.ProtectedClientSecret is not null && settings.ClientId == Input.ClientId?.Trim();
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        settings.Enabled = Input.Enabled;
        settings.UseOwnApp = Input.UseOwnApp;
        var clientId = string.IsNullOrWhiteSpace(Input.ClientId) ? null : Input.ClientId.Trim();
        if (clientId != settings.ClientId)
        {
            // A secret belongs to its client: a new client id without a new secret keeps none.
            settings.ProtectedClientSecret = null;
        }

        settings.ClientId = clientId;
        if (!string.IsNullOrWhiteSpace(Input.ClientSecret))
        {
            settings.ProtectedClientSecret = apps.ProtectSecret(Input.ClientSecret.Trim());
        }

        settings.InvitePatients = Input.InvitePatients;
        settings.SendUpdates = Input.SendUpdates;
        await store.SaveAsync(settings, HttpContext.RequestAborted);
        TempData["Status"] = "Google Meet settings saved.";
        return RedirectToPage();
    }
}
