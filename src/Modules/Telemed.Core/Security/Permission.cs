namespace Telemed.Core.Security;

/// <summary>
/// A named right, granted by default to some roles. Each permission becomes an authorization policy
/// of the same name, so endpoints say <c>.RequireAuthorization(Permissions.X.Name)</c>.
/// </summary>
public sealed record Permission(string Name, string Description, params string[] GrantedTo);

/// <summary>A module's permissions, declared once.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}
