using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Telemed.Api.Webhooks;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Pages.Webhooks;

/// <summary>One delivery: the body sent, each attempt's headers and answer, and Resend.</summary>
[Authorize(Policy = ApiPermissions.Names.ManageWebhooks)]
public sealed class WebhookDeliveryModel(WebhookStore store, WebhookDispatcher dispatcher, TenantContext tenantContext, IOptions<WebhookOptions> options) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid DeliveryId { get; set; }

    public WebhookSubscription Subscription { get; private set; } = null!;
    public WebhookDelivery Delivery { get; private set; } = null!;
    public IReadOnlyList<WebhookAttempt> Attempts { get; private set; } = [];
    public ViewerTime Time { get; private set; } = null!;
    public int ResponseLimit => options.Value.ResponseBodyLimit;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await store.FindAsync(Id, HttpContext.RequestAborted) is not { } subscription
            || await store.FindDeliveryAsync(Id, DeliveryId, HttpContext.RequestAborted) is not { } delivery)
        {
            return NotFound();
        }
        Subscription = subscription;
        Delivery = delivery;
        Attempts = await store.AttemptsAsync(DeliveryId, HttpContext.RequestAborted);
        Time = new ViewerTime(tenantContext.Required.TimeZone, store.Now);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        if (await store.FindDeliveryAsync(Id, DeliveryId, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }
        if (await dispatcher.ResendAsync(Id, DeliveryId, HttpContext.RequestAborted) is { } resent)
        {
            TempData["Status"] = "The event is sent again, with the same id.";
            return Redirect($"{Request.PathBase}/admin/webhooks/{Id}/deliveries/{resent}");
        }
        TempData["Error"] = "Turn the webhook on to resend to it.";
        return Redirect($"{Request.PathBase}/admin/webhooks/{Id}/deliveries/{DeliveryId}");
    }
}
