using Telemed.Core.Security;

namespace Telemed.Zoom;

public sealed class ZoomPermissions : IPermissionProvider
{
    public static readonly Permission ManageZoom = new("zoom.manage", "Edit the clinic's Zoom settings, see every meeting and retry failed ones", Roles.ClinicAdmin);
    public static readonly Permission ConnectZoom = new("zoom.connect", "Connect Zoom and start one's own Zoom sessions", Roles.Host, Roles.ClinicAdmin);

    public static readonly Permission ControlSandbox = new("sandbox.control", "Inspect and steer the provider sandbox (faults, accounts, meetings)", Roles.PlatformAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageZoom, ConnectZoom, ControlSandbox];
}
