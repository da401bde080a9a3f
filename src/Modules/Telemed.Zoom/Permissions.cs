using Telemed.Core.Security;

namespace Telemed.Zoom;

public sealed class ZoomPermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string ManageZoom = "zoom.manage";
        public const string ControlSandbox = "sandbox.control";
    }

    public static readonly Permission ManageZoom = new(Names.ManageZoom, "Edit the clinic's Zoom settings", Roles.ClinicAdmin);

    public static readonly Permission ControlSandbox = new(Names.ControlSandbox, "Inspect and steer the provider sandbox (faults, accounts, meetings)", Roles.PlatformAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageZoom, ControlSandbox];
}
