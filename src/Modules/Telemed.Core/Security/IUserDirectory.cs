namespace Telemed.Core.Security;

/// <summary>A user as other modules see one: no password, no security stamp.</summary>
public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>The users of the current tenant, as other modules may use them (owned by the identity module).</summary>
public interface IUserDirectory
{
    /// <summary>Creates a user in the current tenant; a null password leaves the account to be claimed by reset link.</summary>
    Task<UserSummary> CreateAsync(string email, string? password, string displayName, IEnumerable<string> roles, CancellationToken cancellationToken = default);

    Task<UserSummary?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);

    Task<UserSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>A user could not be created; the message says why in words fit for a form.</summary>
public sealed class UserDirectoryException(string message) : Exception(message);
