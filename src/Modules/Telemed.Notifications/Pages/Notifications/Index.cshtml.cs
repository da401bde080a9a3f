using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Pages.Notifications;

[Authorize(Policy = "notifications.templates")]
public sealed class IndexModel(TemplateStore store) : PageModel
{
    public IReadOnlyList<ClinicTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync() => Templates = await store.ListAsync(HttpContext.RequestAborted);

    public static string Describe(Models.TemplateKey key) => $"{Humanize(key.Event.ToString())} · {key.Recipient} · {(key.Channel == Models.NotificationChannel.Sms ? "SMS" : key.Channel == Models.NotificationChannel.Meeting ? "Meeting topic and agenda" : "E-mail")}";

    public static string Humanize(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
