using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Api.Webhooks;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Pages.Webhooks;

/// <summary>One endpoint: its settings, its secret on demand, on/off, test, delete, and its delivery log.</summary>
[Authorize(Policy = ApiPermissions.Names.ManageWebhooks)]
public sealed class WebhookModel(WebhookStore store, WebhookDispatcher dispatcher, TenantContext tenantContext) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public WebhookSubscription Subscription { get; private set; } = null!;
    public DeliveryPage Deliveries { get; private set; } = null!;
    public ViewerTime Time { get; private set; } = null!;

    /// <summary>Set only in the answer to "Show secret".</summary>
    public string? Secret { get; private set; }

    private string Self => $"{Request.PathBase}/admin/webhooks/{Id}";

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostSecretAsync()
    {
        Secret = await store.RevealSecretAsync(Id, HttpContext.RequestAborted);
        // The secret is in this answer only: no cache, back button or proxy may keep a copy.
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostEnableAsync() =>
        Done(await store.SetEnabledAsync(Id, true, HttpContext.RequestAborted), "The webhook is on: events are sent to it again, and its failure count starts afresh.");

    public async Task<IActionResult> OnPostDisableAsync() =>
        Done(await store.SetEnabledAsync(Id, false, HttpContext.RequestAborted), "The webhook is off: events are not sent to it until you turn it on.");

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (await store.FindAsync(Id, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }
        var sent = await dispatcher.SendTestAsync(Id, HttpContext.RequestAborted);
        if (sent is null)
        {
            TempData["Error"] = "Turn the webhook on to send it a test event.";
        }
        else
        {
            TempData["Status"] = "A test event is on its way: its delivery is at the top of the log.";
        }
        return Redirect(Self);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await store.DeleteAsync(Id, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        TempData["Status"] = "The webhook and its delivery log are deleted.";
        return Redirect($"{Request.PathBase}/admin/webhooks");
    }

    private IActionResult Done(bool changed, string status)
    {
        if (!changed)
        {
            return NotFound();
        }
        TempData["Status"] = status;
        return Redirect(Self);
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (await store.FindAsync(Id, HttpContext.RequestAborted) is not { } subscription)
        {
            return NotFound();
        }
        Subscription = subscription;
        Time = new ViewerTime(tenantContext.Required.TimeZone, store.Now);
        Deliveries = await store.DeliveriesAsync(Id, PageNumber, HttpContext.RequestAborted);
        return Page();
    }
}
