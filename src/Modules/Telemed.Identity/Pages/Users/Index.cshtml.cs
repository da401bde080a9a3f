using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Messaging;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Identity.Models;
using Telemed.Identity.Services;

namespace Telemed.Identity.Pages.Users;

/// <summary>The clinic's people: list them, and invite staff or patients (they choose a password from the e-mailed link).</summary>
[Authorize(Policy = IdentityPermissions.Names.ManageUsers)]
public sealed class IndexModel(IUserDirectory directory, IInvitations invitations, MessageLog messages, TenantContext tenantContext) : PageModel
{
    public IReadOnlyList<UserSummary> People { get; private set; } = [];

    public bool IsPlatform => tenantContext.Required.IsPlatform;

    public IEnumerable<string> InvitableRoles => IsPlatform
        ? [Roles.PlatformAdmin]
        : [Roles.ClinicAdmin, Roles.Host, Roles.Patient];

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary>Clinics manage their people at /admin/users, the platform its operators at /platform/users; not crosswise.</summary>
    private bool OnOwnRoute => Request.Path.StartsWithSegments("/platform") == IsPlatform;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!OnOwnRoute)
        {
            return NotFound();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => People = await directory.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!OnOwnRoute)
        {
            return NotFound();
        }
        if (!InvitableRoles.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Choose one of the roles listed.");
        }
        if (ModelState.IsValid && await directory.FindByEmailAsync(Input.Email, HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError("Input.Email", "Someone at this clinic already uses that e-mail.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        try
        {
            var person = await invitations.InviteAsync(Input.Email, Input.DisplayName, Input.Role, User.FindFirst("name")?.Value, HttpContext.RequestAborted);
            TempData["Status"] = messages.Delivers
                ? $"{person.DisplayName} was invited: the e-mail with their link is on its way to {person.Email}."
                : $"{person.DisplayName} was invited; the link is in the message log.";
            return Redirect(Request.PathBase + Request.Path);
        }
        catch (UserDirectoryException exception)
        {
            ModelState.AddModelError("Input.Email", exception.Message);
            await LoadAsync();
            return Page();
        }
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the person's name.")]
        [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter an e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(200)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required]
        public string Role { get; set; } = Roles.Host;
    }
}
