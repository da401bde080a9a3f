using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Api.Webhooks;

namespace Telemed.Api.Pages.Webhooks;

/// <summary>Adds an endpoint, with its own signing secret.</summary>
[Authorize(Policy = ApiPermissions.Names.ManageWebhooks)]
public sealed class NewWebhookModel(WebhookStore store, WebhookAddresses addresses) : PageModel, IWebhookForm
{
    [BindProperty] public WebhookInput Input { get; set; } = new();

    public void OnGet() => Input = new WebhookInput { Events = ["appointment.booked", "appointment.rescheduled", "appointment.cancelled"] };

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await WebhookForm.CheckAsync(this, Input, addresses))
        {
            return Page();
        }
        var created = await store.CreateAsync(Input.Url!.Trim(), Input.Description?.Trim() ?? "", Input.Events.Distinct().ToList(), HttpContext.RequestAborted);
        TempData["Status"] = "The webhook is on. Show its signing secret below to set up the receiver, then send a test event.";
        return Redirect($"{Request.PathBase}/admin/webhooks/{created.Id}");
    }
}

/// <summary>The checks both endpoint forms make, with each problem next to its field.</summary>
internal static class WebhookForm
{
    public static async Task<bool> CheckAsync(PageModel page, WebhookInput input, WebhookAddresses addresses)
    {
        foreach (var (field, message) in input.RuleProblems())
        {
            page.ModelState.AddModelError($"Input.{field}", message);
        }
        if (page.ModelState.GetFieldValidationState("Input.Url") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await addresses.ProblemWithAsync(input.Url, page.HttpContext.RequestAborted) is { } problem)
        {
            page.ModelState.AddModelError("Input.Url", problem);
        }
        if (page.ModelState.IsValid)
        {
            return true;
        }
        page.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return false;
    }
}
