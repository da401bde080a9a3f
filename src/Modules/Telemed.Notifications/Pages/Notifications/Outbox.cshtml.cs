using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Telemed.Core.Tenancy;
using Telemed.Liquid;
using Telemed.Notifications.Data;
using Telemed.Notifications.Delivery;

namespace Telemed.Notifications.Pages.Notifications;

/// <summary>The mail the embedded SMTP server received for the clinic (also at /platform/outbox), as the recipient would read it.</summary>
[Authorize(Policy = NotificationPermissions.ReadMessages)]
public sealed class OutboxModel(NotificationsDb db, TenantContext tenantContext, ILiquidEngine engine, IOptions<EmailOptions> options) : PageModel
{
    public sealed record Mail(long Id, string From, string To, string Subject, DateTimeOffset ReceivedAt, string Text, string? Html, IReadOnlyList<string> Attachments);

    public IReadOnlyList<Mail> Mails { get; private set; } = [];
    public Mail? Selected { get; private set; }
    public bool Embedded => options.Value.UsesEmbeddedServer;

    public async Task OnGetAsync(long? id)
    {
        var rows = await db.Outbox.AsNoTracking().OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Take(100).ToListAsync(HttpContext.RequestAborted);
        Mails = rows.Select(Read).ToList();
        Selected = id is null ? Mails.FirstOrDefault() : Mails.FirstOrDefault(m => m.Id == id);
    }

    public async Task<IActionResult> OnGetRawAsync(long id)
    {
        var row = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, HttpContext.RequestAborted);
        return row is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(row.Mime), "message/rfc822", $"message-{id}.eml");
    }

    public string When(DateTimeOffset instant) => ClinicTime.Format(instant, tenantContext.Required, engine);

    private static Mail Read(CapturedMail row)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row.Mime));
        var message = MimeMessage.Load(stream);
        return new Mail(row.Id, message.From.ToString(), row.Recipients, row.Subject, row.ReceivedAt, message.TextBody ?? "", message.HtmlBody,
            message.Attachments.Select(a => a.ContentType.MimeType + (a is MimePart part && part.FileName is { } name ? $" ({name})" : "")).ToList());
    }
}
