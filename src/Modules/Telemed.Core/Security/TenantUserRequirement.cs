using Microsoft.AspNetCore.Authorization;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Security;

/// <summary>Satisfied only when the signed-in user belongs to the tenant being served.</summary>
public sealed class TenantUserRequirement : IAuthorizationRequirement;

public sealed class TenantUserHandler(TenantContext tenantContext) : AuthorizationHandler<TenantUserRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantUserRequirement requirement)
    {
        var claim = context.User.FindFirst(TelemedClaims.TenantId)?.Value;
        if (claim is not null && tenantContext.TenantId is { } tenant && claim == tenant.ToString())
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
