using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Core;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Tenants.Pages.Tenants;

[EnableRateLimiting(CoreStartup.AccountRateLimit)]
public sealed class SignupModel(TenantContext tenantContext, TenantProvisioner provisioner, RecipeFiles recipes, Telemed.Core.Hosting.PublicUrls urls,
    AttemptThrottle throttle) : PageModel
{
    /// <summary>Clinics one e-mail address may sign up per hour.</summary>
    private const int ClinicsPerAdminPerHour = 3;
    private const string SignupBucket = "sign-up";

    public string PlatformAddress => urls.Platform;

    public const string Recipe = "new-clinic";

    [BindProperty]
    public SignupInput Input { get; set; } = new();

    public IActionResult OnGet() => tenantContext.Required.IsPlatform ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!tenantContext.Required.IsPlatform)
        {
            return NotFound();
        }
        Input.Slug = Input.Slug?.Trim().ToLowerInvariant();
        if (SlugRules.Problem(Input.Slug) is { } problem)
        {
            ModelState.AddModelError("Input.Slug", problem);
        }
        if (ModelState.IsValid && throttle.IsExhausted(SignupBucket, Input.AdminEmail, ClinicsPerAdminPerHour))
        {
            ModelState.AddModelError("Input.AdminEmail", "This e-mail address has signed up several clinics in the last hour. Try again later.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var recipe = Core.Recipes.Recipe.Parse(await recipes.ReadAsync(Recipe, HttpContext.RequestAborted), new Dictionary<string, string>
            {
                ["adminEmail"] = Input.AdminEmail,
                ["adminPassword"] = Input.Password,
                ["adminName"] = Input.AdminName,
                ["clinicPhone"] = Input.ClinicPhone.Trim(),
            });
            var tenant = await provisioner.ProvisionAsync(recipe, new ClinicRequest(Input.Slug, Input.ClinicName.Trim(), Input.TimeZone), HttpContext.RequestAborted);
            throttle.TryAcquire(SignupBucket, Input.AdminEmail, ClinicsPerAdminPerHour, TimeSpan.FromHours(1));
            TempData["Status"] = $"{tenant.Name} is ready. Sign in with the e-mail and password you chose.";
            return Redirect($"{Request.PathBase}/c/{tenant.Slug}/login");
        }
        catch (TenantProvisioningException exception)
        {
            ModelState.AddModelError($"Input.{exception.Field}", exception.Message);
        }
        catch (RecipeException exception) when (exception.InnerException is UserDirectoryException users)
        {
            ModelState.AddModelError("Input.Password", users.Message);
        }
        return Page();
    }

    public sealed class SignupInput
    {
        [Required(ErrorMessage = "Enter the clinic's name.")]
        [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
        [Display(Name = "Clinic name")]
        public string ClinicName { get; set; } = "";

        [Display(Name = "Web address")]
        public string? Slug { get; set; }

        [Required(ErrorMessage = "Choose the clinic's time zone.")]
        [Display(Name = "Time zone")]
        public string TimeZone { get; set; } = "Europe/London";

        [Required(ErrorMessage = "Enter the clinic's phone number.")]
        [Phone(ErrorMessage = "Enter a valid phone number.")]
        [StringLength(40, ErrorMessage = "Keep the phone number under 40 characters.")]
        [Display(Name = "Clinic phone")]
        public string ClinicPhone { get; set; } = "";

        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(100)]
        [Display(Name = "Your name")]
        public string AdminName { get; set; } = "";

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(200)]
        [Display(Name = "Your e-mail")]
        public string AdminEmail { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, MinimumLength = 8, ErrorMessage = "Use at least 8 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
