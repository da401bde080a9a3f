using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Navigation;
using Telemed.Core.Tenancy;

namespace Telemed.Tenants.Pages.Tenants;

[Authorize(Policy = TenantPermissions.Names.AccessAdmin)]
public sealed class AdminHomeModel(TenantContext tenantContext, IEnumerable<AdminMenuItem> menu) : PageModel
{
    public Tenant Tenant => tenantContext.Required;
    public IEnumerable<AdminMenuItem> Sections => menu.Where(m => m.Area == AdminMenuItem.Clinic && m.Path != "/admin").OrderBy(m => m.Order);
}
