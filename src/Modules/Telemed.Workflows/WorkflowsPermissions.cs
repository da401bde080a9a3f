using Telemed.Core.Security;

namespace Telemed.Workflows;

public sealed class WorkflowsPermissions : IPermissionProvider
{
    public static readonly Permission Manage = new("workflows.manage", "Edit, enable and test the clinic's workflows and see their runs", Roles.ClinicAdmin);

    public IEnumerable<Permission> GetPermissions() => [Manage];
}
