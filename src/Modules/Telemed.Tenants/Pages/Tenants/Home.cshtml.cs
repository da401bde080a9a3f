using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Tenants.Pages.Tenants;

public sealed class HomeModel(TenantContext tenantContext, ClinicSettingsStore settings) : PageModel
{
    public Tenant Tenant => tenantContext.Required;
    public ClinicSettings Settings { get; private set; } = new();
    public ClinicContactDetails Contact => ClinicContact.From(Settings);

    public async Task OnGetAsync()
    {
        if (!Tenant.IsPlatform)
        {
            Settings = await settings.GetAsync(HttpContext.RequestAborted);
        }
    }
}
