using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Core.Theming;
using Telemed.Tenants.Services;

namespace Telemed.Tenants.Pages.Tenants;

[Authorize(Policy = TenantPermissions.Names.ManageTenants)]
public sealed class PlatformModel(TenantRegistry registry, TenantProvisioner provisioner, RecipeFiles recipes, TenantContext tenantContext, PublicThemes themes) : PageModel
{
    public IReadOnlyList<Tenant> Clinics { get; private set; } = [];
    public IEnumerable<string> Recipes => recipes.List();
    public IReadOnlyList<PublicTheme> Themes => themes.All;

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!tenantContext.Required.IsPlatform)
        {
            return NotFound();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        Input.Slug = Input.Slug?.Trim().ToLowerInvariant();
        if (SlugRules.Problem(Input.Slug) is { } problem)
        {
            ModelState.AddModelError("Input.Slug", problem);
        }
        if (!Recipes.Contains(Input.Recipe))
        {
            ModelState.AddModelError("Input.Recipe", "Choose one of the recipes listed.");
        }
        if (ModelState.IsValid)
        {
            try
            {
                var recipe = Recipe.Parse(await recipes.ReadAsync(Input.Recipe, HttpContext.RequestAborted), new Dictionary<string, string>
                {
                    ["adminEmail"] = Input.AdminEmail, ["adminPassword"] = Input.AdminPassword, ["adminName"] = "Clinic administrator",
                });
                var tenant = await provisioner.ProvisionAsync(recipe, new ClinicRequest(Input.Slug, Input.Name.Trim(), Input.TimeZone, string.IsNullOrEmpty(Input.Theme) ? null : Input.Theme), HttpContext.RequestAborted);
                TempData["Status"] = $"Created {tenant.Name} at /c/{tenant.Slug}.";
                return RedirectToPage();
            }
            catch (TenantProvisioningException exception)
            {
                ModelState.AddModelError($"Input.{exception.Field}", exception.Message);
            }
            catch (RecipeException exception)
            {
                ModelState.AddModelError("", exception.Message);
            }
        }
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostSuspendAsync(Guid id) => ChangeAsync(id, "suspended", t => registry.SetStateAsync(t, TenantState.Suspended));

    public Task<IActionResult> OnPostResumeAsync(Guid id) => ChangeAsync(id, "resumed", t => registry.SetStateAsync(t, TenantState.Active));

    public Task<IActionResult> OnPostHostsAsync(Guid id, string? hostNames) =>
        ChangeAsync(id, "now answers at the host names given", t => registry.SetHostNamesAsync(t, (hostNames ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));

    public Task<IActionResult> OnPostDeleteAsync(Guid id) => ChangeAsync(id, "deleted with all its data", t => registry.DeleteAsync(t));

    private async Task<IActionResult> ChangeAsync(Guid id, string verb, Func<Guid, Task<bool>> change)
    {
        var tenant = await registry.FindByIdAsync(id, HttpContext.RequestAborted);
        if (tenant is null || tenant.IsPlatform)
        {
            return NotFound();
        }
        await change(id);
        TempData["Status"] = $"{tenant.Name} {verb}.";
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Clinics = (await registry.ListAsync(HttpContext.RequestAborted)).Where(t => !t.IsPlatform).ToList();

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Enter the clinic's name.")]
        [StringLength(100)]
        [Display(Name = "Clinic name")]
        public string Name { get; set; } = "";

        [Display(Name = "Web address")]
        public string? Slug { get; set; }

        [Required]
        [Display(Name = "Time zone")]
        public string TimeZone { get; set; } = "Europe/London";

        [Required]
        public string Recipe { get; set; } = "new-clinic";

        /// <summary>Empty: the recipe's theme.</summary>
        [Display(Name = "Public theme")]
        public string? Theme { get; set; }

        [Required(ErrorMessage = "Enter the administrator's e-mail.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "Administrator e-mail")]
        public string AdminEmail { get; set; } = "";

        [Required(ErrorMessage = "Choose a first password.")]
        [StringLength(200, MinimumLength = 8, ErrorMessage = "Use at least 8 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "First password")]
        public string AdminPassword { get; set; } = "";
    }
}
