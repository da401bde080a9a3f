namespace Telemed.Core.Security;

/// <summary>
/// Brings someone into the current clinic: an account in <paramref name="role"/> without a password, and an e-mail with a
/// link to choose one. The identity module answers; other modules (the hosts page, say) invite through it.
/// </summary>
public interface IInvitations
{
    /// <summary>The new account. Throws <see cref="UserDirectoryException"/> when the e-mail is taken or not acceptable.</summary>
    Task<UserSummary> InviteAsync(string email, string displayName, string role, string? invitedBy, CancellationToken cancellationToken = default);
}
