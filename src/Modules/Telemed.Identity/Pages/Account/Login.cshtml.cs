using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Telemed.Core;
using Telemed.Core.Tenancy;
using Telemed.Core.Security;
using Telemed.Identity.Models;

namespace Telemed.Identity.Pages.Account;

[EnableRateLimiting(CoreStartup.AccountRateLimit)]
public sealed class LoginModel(SignInManager<TelemedUser> signIn, UserManager<TelemedUser> users, AttemptThrottle throttle,
    IOptions<IdentityOptions> identity, TenantContext tenantContext) : PageModel
{
    private const string Bucket = "sign-in";

    /// <summary>One message for a locked account and for an unknown e-mail tried as often, so it tells nothing about who has an account.</summary>
    public const string LockedMessage = "Too many failed attempts for this e-mail address. Try again in a few minutes, or reset your password.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Failures are counted for every e-mail, known or not, with the same limit as the stored lockout.
        var account = $"{tenantContext.Required.Id:N}:{Input.Email}";
        var lockout = identity.Value.Lockout;
        if (throttle.IsExhausted(Bucket, account, lockout.MaxFailedAccessAttempts))
        {
            ModelState.AddModelError("", LockedMessage);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut
            || (!result.Succeeded && !throttle.TryAcquire(Bucket, account, lockout.MaxFailedAccessAttempts - 1, lockout.DefaultLockoutTimeSpan)))
        {
            ModelState.AddModelError("", LockedMessage);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "The e-mail or password is not right.");
            return Page();
        }
        throttle.Reset(Bucket, account);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }
        var user = await users.FindByEmailAsync(Input.Email);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        return LocalRedirect(HomeFor(roles));
    }

    private static string HomeFor(IList<string> roles) =>
        roles.Contains(Roles.PlatformAdmin) ? "~/platform"
        : roles.Contains(Roles.ClinicAdmin) || roles.Contains(Roles.Host) ? "~/admin"
        : "~/my/appointments";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }
}
