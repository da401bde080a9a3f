using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Messaging;
using Telemed.Core.Tenancy;
using Telemed.Liquid;

namespace Telemed.Notifications.Pages.Notifications;

/// <summary>Every message sent on the clinic's behalf, searchable, with its delivery state and a resend button (also at /platform/messages).</summary>
[Authorize(Policy = NotificationPermissions.ReadMessages)]
public sealed class MessagesModel(MessageLog log, TenantContext tenantContext, ILiquidEngine engine, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IReadOnlyList<LoggedMessage> Messages { get; private set; } = [];
    public bool CanResend { get; private set; }

    public static readonly string[] Statuses = ["queued", "sent", "retrying", "failed", "opted-out", "logged"];

    public async Task OnGetAsync()
    {
        Messages = await log.SearchAsync(new MessageSearch(Query, Blank(Channel), Blank(Status), 200), HttpContext.RequestAborted);
        CanResend = (await authorization.AuthorizeAsync(User, NotificationPermissions.ResendMessages.Name)).Succeeded && log.Delivers;
    }

    public async Task<IActionResult> OnPostResendAsync(long id)
    {
        if (!(await authorization.AuthorizeAsync(User, NotificationPermissions.ResendMessages.Name)).Succeeded) return Forbid();
        var message = await log.FindAsync(id, HttpContext.RequestAborted);
        if (message is null) return NotFound();
        var copy = await log.RecordAsync(new OutgoingMessage(message.Channel, message.Recipient, message.Subject, message.Body)
        {
            HtmlBody = message.HtmlBody, Attachment = message.Attachment, Template = message.Template, AppointmentId = message.AppointmentId,
        }, cancellationToken: HttpContext.RequestAborted);
        TempData["Status"] = $"Message queued again to {message.Recipient} (log entry {copy}).";
        return RedirectToPage(new { q = Query, Channel, Status });
    }

    public string When(DateTimeOffset instant) => ClinicTime.Format(instant, tenantContext.Required, engine);

    /// <summary>A message's status in words.</summary>
    public static string Label(string status) => status switch
    {
        "queued" => "Queued",
        "sent" => "Sent",
        "retrying" => "Retrying",
        "failed" => "Failed",
        "opted-out" => "Opted out",
        "logged" => "Logged",
        _ => status,
    };

    public static string Badge(string status) => status switch
    {
        "sent" => "text-bg-success",
        "failed" => "text-bg-danger",
        "retrying" => "text-bg-warning",
        "opted-out" => "text-bg-dark",
        _ => "text-bg-secondary",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
