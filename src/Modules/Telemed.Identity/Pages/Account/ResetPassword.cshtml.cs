using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Security;
using Telemed.Identity.Models;

namespace Telemed.Identity.Pages.Account;

/// <summary>
/// Choosing a password from an e-mailed link. From an invitation the person is signed in straight away and sent where
/// their work starts (a host to their schedule and video set-up); the link alone proves the address is theirs.
/// </summary>
public sealed class ResetPasswordModel(UserManager<TelemedUser> users, SignInManager<TelemedUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Invited { get; set; }

    [BindProperty(SupportsGet = true)]
    [Required]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    [Required]
    public string Token { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 8, ErrorMessage = "Use at least 8 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Repeat the new password")]
    public string ConfirmPassword { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email);
        var result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            var reason = result.Errors.FirstOrDefault(e => e.Code.StartsWith("Password", StringComparison.Ordinal))?.Description
                ?? "This reset link is not valid any more. Ask for a new one.";
            ModelState.AddModelError(result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? nameof(Password) : "", reason);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user!);
        await users.SetLockoutEndDateAsync(user!, null);
        if (Invited)
        {
            await signIn.SignInAsync(user!, isPersistent: false);
            var roles = await users.GetRolesAsync(user!);
            return LocalRedirect(roles.Contains(Roles.Host) ? "~/admin/my-schedule?welcome=true"
                : roles.Contains(Roles.ClinicAdmin) ? "~/admin"
                : roles.Contains(Roles.PlatformAdmin) ? "~/platform"
                : "~/my/appointments");
        }
        Done = true;
        return Page();
    }
}
