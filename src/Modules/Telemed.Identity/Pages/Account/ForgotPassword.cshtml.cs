using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Messaging;
using Telemed.Identity.Models;

namespace Telemed.Identity.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<TelemedUser> users, MessageLog messages) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The answer is the same whether or not the account exists, so the form cannot probe for users.
        if (await users.FindByEmailAsync(Email) is { } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Page("ResetPassword", null, new { email = Email, token }, Request.Scheme, Request.Host.Value);
            await messages.RecordAsync("email", Email, "Reset your password",
                $"Hello {user.DisplayName},\n\nUse this link to choose a new password (it works once, for a limited time):\n{link}\n\nIf you did not ask for this, ignore this message.");
        }
        Sent = true;
        return Page();
    }
}
