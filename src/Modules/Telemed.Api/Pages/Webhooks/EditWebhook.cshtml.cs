using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Api.Webhooks;

namespace Telemed.Api.Pages.Webhooks;

/// <summary>Changes an endpoint's address, description and events; its secret and delivery log stay.</summary>
[Authorize(Policy = ApiPermissions.Names.ManageWebhooks)]
public sealed class EditWebhookModel(WebhookStore store, WebhookAddresses addresses) : PageModel, IWebhookForm
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public WebhookInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await store.FindAsync(Id, HttpContext.RequestAborted) is not { } subscription)
        {
            return NotFound();
        }
        Input = WebhookInput.From(subscription);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await store.FindAsync(Id, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }
        if (!await WebhookForm.CheckAsync(this, Input, addresses))
        {
            return Page();
        }
        await store.UpdateAsync(Id, Input.Url!.Trim(), Input.Description?.Trim() ?? "", Input.Events.Distinct().ToList(), HttpContext.RequestAborted);
        TempData["Status"] = "The webhook is saved.";
        return Redirect($"{Request.PathBase}/admin/webhooks/{Id}");
    }
}
