using Microsoft.AspNetCore.Identity;
using Telemed.Core.Messaging;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Identity.Models;

namespace Telemed.Identity.Services;

/// <summary>
/// Creates the account and e-mails the invitation through the message log (delivered over SMTP when notifications are
/// installed). The link sets a password and signs the person in, so they land ready to work.
/// </summary>
public sealed class Invitations(IUserDirectory directory, UserManager<TelemedUser> users, MessageLog messages, TenantContext tenantContext,
    AccountLinks links) : IInvitations
{
    public async Task<UserSummary> InviteAsync(string email, string displayName, string role, string? invitedBy, CancellationToken cancellationToken = default)
    {
        var person = await directory.CreateAsync(email.Trim(), null, displayName.Trim(), [role], cancellationToken);
        var user = (await users.FindByIdAsync(person.Id.ToString()))!;
        var link = links.Invitation(person.Email, await users.GeneratePasswordResetTokenAsync(user));
        var clinic = tenantContext.Required.Name;
        var by = string.IsNullOrWhiteSpace(invitedBy) ? "" : $"{invitedBy} added you to {clinic}. ";
        await messages.RecordAsync("email", person.Email, $"You're invited to {clinic}",
            $"Hello {person.DisplayName},\n\n{by}Choose your password here to sign in:\n{link}\n\n"
            + (role == Roles.Host ? "You will then set your weekly hours and connect your video account on one page.\n" : ""),
            cancellationToken: cancellationToken);
        return person;
    }
}
