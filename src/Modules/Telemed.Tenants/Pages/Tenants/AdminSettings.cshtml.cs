using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Tenants.Services;

namespace Telemed.Tenants.Pages.Tenants;

[Authorize(Policy = TenantPermissions.Names.ManageSettings)]
public sealed class AdminSettingsModel(ClinicSettingsStore store) : PageModel
{
    [BindProperty]
    public ClinicSettings Settings { get; set; } = new();

    public async Task OnGetAsync() => Settings = await store.GetAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await store.SaveAsync(Settings, HttpContext.RequestAborted);
        TempData["Status"] = "Settings saved.";
        return RedirectToPage();
    }
}
