using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Navigation;
using Telemed.Core.Tenancy;

namespace Telemed.Tenants.Pages.Tenants;

/// <summary>The staff home: what needs someone, then the blocks modules contribute (set-up, today's appointments...), then the rest of the admin.</summary>
[Authorize(Policy = TenantPermissions.Names.AccessAdmin)]
public sealed class AdminHomeModel(TenantContext tenantContext, IEnumerable<AdminMenuItem> menu, IEnumerable<DashboardSection> sections) : PageModel
{
    public Tenant Tenant => tenantContext.Required;
    public IEnumerable<DashboardSection> Sections => sections.OrderBy(s => s.Order);
    public IEnumerable<AdminMenuItem> MenuEntries => menu.Where(m => m.Area == AdminMenuItem.Clinic && m.Path != "/admin").OrderBy(m => m.Order);
}
