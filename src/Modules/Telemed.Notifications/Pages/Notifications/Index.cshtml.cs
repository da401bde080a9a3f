using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Notifications.Data;
using Telemed.Notifications.Services;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Pages.Notifications;

[Authorize(Policy = "notifications.templates")]
public sealed class IndexModel(TemplateStore store, NotificationSettingsStore settings, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ClinicTemplate> Templates { get; private set; } = [];
    public NotificationSettings Settings { get; private set; } = new();

    public async Task OnGetAsync()
    {
        Templates = await store.ListAsync(HttpContext.RequestAborted);
        Settings = await settings.GetAsync(HttpContext.RequestAborted);
    }

    /// <summary>An admin says the templates are right for the clinic (a step of the set-up checklist).</summary>
    public async Task<IActionResult> OnPostReviewedAsync()
    {
        var by = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "staff";
        await settings.MarkTemplatesReviewedAsync(by, clock.GetUtcNow(), HttpContext.RequestAborted);
        TempData["Status"] = "Templates marked as reviewed.";
        return RedirectToPage();
    }

    public static string Describe(Models.TemplateKey key) => $"{Humanize(key.Event.ToString())} · {key.Recipient} · {(key.Channel == Models.NotificationChannel.Sms ? "SMS" : key.Channel == Models.NotificationChannel.Meeting ? "Meeting topic and agenda" : "E-mail")}";

    public static string Humanize(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
