using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Identity.Models;

namespace Telemed.Identity.Pages.Account;

public sealed class ResetPasswordModel(UserManager<TelemedUser> users) : PageModel
{
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
        if (user is not null)
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        }
        Done = true;
        return Page();
    }
}
