using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Data;
using Telemed.Notifications.Models;
using Telemed.Notifications.Rendering;
using Telemed.Notifications.Services;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Pages.Notifications;

/// <summary>One template: the Liquid editor, live preview (sample or a real appointment), test send, reset and history.</summary>
[Authorize(Policy = "notifications.templates")]
public sealed class EditModel(TemplateStore store, AppointmentStates appointments, MessageContexts contexts, MessageRenderer renderer,
    NotificationSender sender, MessageLog log, IUserDirectory users, TenantContext tenantContext, TimeProvider clock) : PageModel
{
    public TemplateKey Key { get; private set; }

    [BindProperty] public TemplateForm Input { get; set; } = new();

    /// <summary>"sample" or an appointment id.</summary>
    [BindProperty] public string PreviewSource { get; set; } = "sample";

    public IReadOnlyList<TemplateError> Errors { get; private set; } = [];
    public IReadOnlyList<NotificationTemplateRevision> History { get; private set; } = [];
    public IReadOnlyList<NotifiedAppointment> RecentAppointments { get; private set; } = [];
    public bool Customised { get; private set; }

    public sealed class TemplateForm
    {
        public bool Enabled { get; set; } = true;
        public string? Subject { get; set; }
        public string? Html { get; set; }
        public string? Text { get; set; }
        public string? Sms { get; set; }

        public TemplateContent Content => new(Subject ?? "", Html ?? "", Text ?? "", Sms ?? "");
    }

    public async Task<IActionResult> OnGetAsync(string key, long? revision)
    {
        if (!TemplateKey.TryParse(key, out var parsed)) return NotFound();
        Key = parsed;
        var template = await store.GetAsync(Key, HttpContext.RequestAborted);
        var content = template.Content;
        var enabled = template.Enabled;
        if (revision is { } id && await store.RevisionAsync(id, HttpContext.RequestAborted) is { } saved && saved.Key == Key.Name)
        {
            content = new TemplateContent(saved.Subject, saved.Html, saved.Text, saved.Sms);
            enabled = saved.Enabled;
            TempData["Status"] = $"Loaded the version of {ClinicTime.Format(saved.ChangedAt, tenantContext.Required, renderer.Engine)}; save to restore it.";
        }
        Input = new TemplateForm { Enabled = enabled, Subject = content.Subject, Html = content.Html, Text = content.Text, Sms = content.Sms };
        Customised = template.Customised;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (!TemplateKey.TryParse(key, out var parsed)) return NotFound();
        Key = parsed;
        var result = await store.SaveAsync(Key, Input.Content, Input.Enabled, UserName, cancellationToken: HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            Input = new TemplateForm { Enabled = Input.Enabled, Subject = result.Saved.Subject, Html = result.Saved.Html, Text = result.Saved.Text, Sms = result.Saved.Sms };
            foreach (var error in Errors) ModelState.AddModelError($"Input.{error.Field}", error.Message);
            await LoadAsync();
            return Page();
        }
        TempData["Status"] = result.Translated.Count > 0
            ? $"Template saved. Shortcodes translated to Liquid: {string.Join(", ", result.Translated.Distinct().Select(t => "{" + t + "}"))}."
            : "Template saved.";
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostResetAsync(string key)
    {
        if (!TemplateKey.TryParse(key, out var parsed)) return NotFound();
        await store.ResetAsync(parsed, UserName, HttpContext.RequestAborted);
        TempData["Status"] = "Template reset to the default wording.";
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostPreviewAsync(string key)
    {
        if (!TemplateKey.TryParse(key, out var parsed)) return NotFound();
        var (liquid, translated) = TemplateStore.Translate(Input.Content);
        var errors = renderer.Validator.Validate(parsed, liquid);
        RenderedMessage? rendered = null;
        if (errors.Count == 0)
        {
            var context = await PreviewContextAsync(parsed.Recipient);
            rendered = renderer.Render(parsed, liquid, context, preview: true, HttpContext.RequestAborted);
        }
        var sms = SmsSegments.Of(rendered?.Sms ?? "");
        return new JsonResult(new
        {
            subject = rendered?.Subject, html = rendered?.Html, text = rendered?.Text, sms = rendered?.Sms,
            smsLength = sms.Length, smsSegments = sms.Segments, smsEncoding = sms.Encoding,
            errors = errors.Select(e => new { e.Field, e.Line, e.Column, message = e.Message }),
            translated = translated.Count == 0 ? new Dictionary<string, string>() : new Dictionary<string, string>
            {
                ["Subject"] = liquid.Subject != Input.Content.Subject ? liquid.Subject : "",
                ["Html"] = liquid.Html != Input.Content.Html ? liquid.Html : "",
                ["Text"] = liquid.Text != Input.Content.Text ? liquid.Text : "",
                ["Sms"] = liquid.Sms != Input.Content.Sms ? liquid.Sms : "",
            },
        });
    }

    public async Task<IActionResult> OnPostTestAsync(string key)
    {
        if (!TemplateKey.TryParse(key, out var parsed)) return NotFound();
        Key = parsed;
        var (liquid, _) = TemplateStore.Translate(Input.Content);
        Errors = renderer.Validator.Validate(parsed, liquid);
        var me = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? await users.FindByIdAsync(id, HttpContext.RequestAborted) : null;
        if (Errors.Count > 0 || me is null)
        {
            if (me is null) ModelState.AddModelError("", "Your account has no e-mail address to send the test to.");
            await LoadAsync();
            return Page();
        }
        var context = await PreviewContextAsync(parsed.Recipient);
        var message = sender.Render(parsed, liquid, context, me.Email);
        message = parsed.Channel == NotificationChannel.Sms
            ? new OutgoingMessage("email", me.Email, $"[Test SMS] {IndexModel.Describe(parsed)}", message.Body) { Template = parsed.Name }
            : message with { Subject = "[Test] " + message.Subject };
        await log.RecordAsync(message, cancellationToken: HttpContext.RequestAborted);
        TempData["Status"] = $"Test message sent to {me.Email}. It is in the message log and the Outbox.";
        return RedirectToPage(new { key });
    }

    private async Task<MessageContext> PreviewContextAsync(NotificationRecipient recipient)
    {
        if (Guid.TryParse(PreviewSource, out var id) && await appointments.FindAsync(id, HttpContext.RequestAborted) is { } real)
        {
            return await contexts.ForAsync(real, recipient, HttpContext.RequestAborted);
        }
        var sample = SampleData.Meeting();
        return contexts.Sample(SampleData.Appointment(tenantContext.Required, clock.GetUtcNow()),
            recipient == NotificationRecipient.Patient ? sample with { StartUrl = null } : sample);
    }

    private string? UserName => User.FindFirstValue("name") ?? User.Identity?.Name;

    private async Task LoadAsync()
    {
        History = await store.HistoryAsync(Key, cancellationToken: HttpContext.RequestAborted);
        RecentAppointments = await appointments.RecentAsync(30, HttpContext.RequestAborted);
    }

    public string When(DateTimeOffset instant) => ClinicTime.Format(instant, tenantContext.Required, renderer.Engine);
}
