using Telemed.Core.Security;

namespace Telemed.Api;

public sealed class ApiPermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string ManageApiKeys = "api.keys";
    }

    /// <summary>A key acts for the whole clinic, so only its admins make and revoke them.</summary>
    public static readonly Permission ManageApiKeys = new(Names.ManageApiKeys, "Create and revoke the clinic's API keys", Roles.ClinicAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageApiKeys];
}
