using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Api.Webhooks;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Pages.Webhooks;

/// <summary>The clinic's webhook endpoints and whether each is on.</summary>
[Authorize(Policy = ApiPermissions.Names.ManageWebhooks)]
public sealed class WebhooksModel(WebhookStore store, TenantContext tenantContext) : PageModel
{
    public IReadOnlyList<WebhookSubscription> Subscriptions { get; private set; } = [];
    public ViewerTime Time { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Time = new ViewerTime(tenantContext.Required.TimeZone, store.Now);
        Subscriptions = await store.ListAsync(HttpContext.RequestAborted);
    }
}
