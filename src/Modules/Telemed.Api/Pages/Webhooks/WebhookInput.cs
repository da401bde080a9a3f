using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Telemed.Api.Webhooks;

namespace Telemed.Api.Pages.Webhooks;

/// <summary>The endpoint form, shared by the new and edit pages.</summary>
public sealed class WebhookInput
{
    [Display(Name = "Endpoint URL")]
    [Required(ErrorMessage = "Enter the address events are sent to, starting with https://.")]
    [StringLength(2000, ErrorMessage = "Keep the address to 2000 characters.")]
    public string? Url { get; set; }

    [Display(Name = "Description (optional)")]
    [StringLength(200, ErrorMessage = "Keep the description to 200 characters.")]
    public string? Description { get; set; }

    /// <summary>Empty by default: a form posted with every box unticked must bind as none.</summary>
    [Display(Name = "Events")]
    public List<string> Events { get; set; } = [];

    /// <summary>What the annotations cannot say, by field name (the address's own rules are checked by <see cref="WebhookAddresses"/>).</summary>
    public IEnumerable<(string Field, string Message)> RuleProblems()
    {
        if (Events.Count == 0)
        {
            yield return (nameof(Events), "Choose at least one event.");
        }
        else if (Events.Except(WebhookEvents.All).Any())
        {
            yield return (nameof(Events), "Choose events from the list.");
        }
    }

    public static WebhookInput From(WebhookSubscription subscription) =>
        new() { Url = subscription.Url, Description = subscription.Description, Events = [.. subscription.Events] };
}

/// <summary>A page showing the endpoint form (<c>_WebhookFields</c>).</summary>
public interface IWebhookForm
{
    WebhookInput Input { get; }
}
