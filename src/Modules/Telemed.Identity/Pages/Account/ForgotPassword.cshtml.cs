using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Core;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Core.Messaging;
using Telemed.Identity.Models;
using Telemed.Identity.Services;

namespace Telemed.Identity.Pages.Account;

[EnableRateLimiting(CoreStartup.AccountRateLimit)]
public sealed class ForgotPasswordModel(UserManager<TelemedUser> users, MessageLog messages, AccountLinks links, AttemptThrottle throttle, TenantContext tenantContext)
    : PageModel
{
    /// <summary>Reset e-mails one address receives per window, however many clients ask.</summary>
    private const int MessagesPerAccount = 3;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

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
        // The answer is the same whether or not the account exists or was throttled, so the form cannot probe for users.
        if (throttle.TryAcquire("password-reset", $"{tenantContext.Required.Id:N}:{Email}", MessagesPerAccount, Window)
            && await users.FindByEmailAsync(Email) is { } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.ResetPassword(Email, token);
            await messages.RecordAsync("email", Email, "Reset your password",
                $"Hello {user.DisplayName},\n\nUse this link to choose a new password (it works once, for a limited time):\n{link}\n\nIf you did not ask for this, ignore this message.");
        }
        Sent = true;
        return Page();
    }
}
