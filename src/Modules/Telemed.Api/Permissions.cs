using Telemed.Core.Security;

namespace Telemed.Api;

public sealed class ApiPermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string ManageApiKeys = "api.keys";
        public const string ManageWebhooks = "api.webhooks";
    }

    /// <summary>A key acts for the whole clinic, so only its admins make and revoke them.</summary>
    public static readonly Permission ManageApiKeys = new(Names.ManageApiKeys, "Create and revoke the clinic's API keys", Roles.ClinicAdmin);

    /// <summary>Webhooks send patients' details to an address of the clinic's choosing: admins only.</summary>
    public static readonly Permission ManageWebhooks = new(Names.ManageWebhooks, "Manage the clinic's webhooks and read their delivery logs", Roles.ClinicAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageApiKeys, ManageWebhooks];
}
