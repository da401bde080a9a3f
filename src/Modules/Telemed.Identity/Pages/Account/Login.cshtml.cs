using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Security;
using Telemed.Identity.Models;

namespace Telemed.Identity.Pages.Account;

public sealed class LoginModel(SignInManager<TelemedUser> signIn, UserManager<TelemedUser> users) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "This account is locked after too many failed attempts. Try again in a few minutes, or reset your password.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "The e-mail or password is not right.");
            return Page();
        }
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
        : "~/portal";

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
