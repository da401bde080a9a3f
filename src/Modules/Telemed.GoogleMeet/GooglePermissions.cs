using Telemed.Core.Security;

namespace Telemed.GoogleMeet;

public sealed class GooglePermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string ManageGoogleMeet = "google-meet.manage";
    }

    public static readonly Permission ManageGoogleMeet = new(Names.ManageGoogleMeet, "Edit the clinic's Google Meet settings", Roles.ClinicAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageGoogleMeet];
}
