using Telemed.Core.Security;

namespace Telemed.Notifications;

public sealed class NotificationPermissions : IPermissionProvider
{
    public static readonly Permission ManageTemplates = new("notifications.templates", "Edit the clinic's message templates and notification settings", Roles.ClinicAdmin);

    /// <summary>Declared by the tenants module (the message log existed before delivery did).</summary>
    public const string ReadMessages = "clinic.messages";

    public static readonly Permission ResendMessages = new("notifications.resend", "Resend a message from the message log", Roles.ClinicAdmin, Roles.PlatformAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageTemplates, ResendMessages];
}
