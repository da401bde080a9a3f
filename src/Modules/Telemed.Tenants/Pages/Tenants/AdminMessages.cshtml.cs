using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Messaging;

namespace Telemed.Tenants.Pages.Tenants;

/// <summary>Every message sent on the clinic's behalf, newest first (also reached at /platform/messages).</summary>
[Authorize(Policy = TenantPermissions.Names.ReadMessages)]
public sealed class AdminMessagesModel(MessageLog log) : PageModel
{
    public IReadOnlyList<LoggedMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync() => Messages = await log.ListAsync(200, HttpContext.RequestAborted);
}
