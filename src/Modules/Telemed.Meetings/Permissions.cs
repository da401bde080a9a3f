using Telemed.Core.Security;

namespace Telemed.Meetings;

public sealed class MeetingsPermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string Manage = "meetings.manage";
        public const string Host = "meetings.host";
    }

    public static readonly Permission Manage = new(Names.Manage, "See every video meeting; retry, end, cancel and delete them; connect hosts' video accounts", Roles.ClinicAdmin);
    public static readonly Permission Host = new(Names.Host, "Connect one's own video accounts and start one's own video sessions", Roles.Host, Roles.ClinicAdmin);

    public IEnumerable<Permission> GetPermissions() => [Manage, Host];
}
