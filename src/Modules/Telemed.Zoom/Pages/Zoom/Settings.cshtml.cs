using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Pages.Zoom;

[Authorize(Policy = ZoomPermissions.Names.ManageZoom)]
public sealed class SettingsModel(ZoomSettingsStore store, ZoomSecrets secrets) : PageModel
{
    [BindProperty]
    public ZoomSettingsForm Input { get; set; } = new();

    public async Task OnGetAsync() => Input = ZoomSettingsForm.From(await store.GetAsync(HttpContext.RequestAborted));

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
        settings.ClientId = string.IsNullOrWhiteSpace(Input.ClientId) ? null : Input.ClientId.Trim();
        if (!string.IsNullOrWhiteSpace(Input.ClientSecret))
        {
            settings.ProtectedClientSecret = secrets.ProtectAppSecret(Input.ClientSecret.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Input.WebhookSecret))
        {
            settings.ProtectedWebhookSecret = secrets.ProtectAppSecret(Input.WebhookSecret.Trim());
        }
        settings.RandomPasscode = Input.RandomPasscode;
        settings.WaitingRoom = Input.WaitingRoom;
        settings.HostVideo = Input.HostVideo;
        settings.ParticipantVideo = Input.ParticipantVideo;
        settings.MuteUponEntry = Input.MuteUponEntry;
        settings.JoinBeforeHost = Input.JoinBeforeHost;
        settings.TopicTemplate = Input.TopicTemplate.Trim();
        settings.AgendaTemplate = Input.AgendaTemplate?.Trim() ?? "";
        await store.SaveAsync(settings, HttpContext.RequestAborted);
        TempData["Status"] = "Zoom settings saved.";
        return RedirectToPage();
    }
}
