using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Telemed.Api.RateLimits;

/// <summary>
/// Part of every scope policy: the key's request, counted when the key was authenticated, must be within its budget.
/// A refusal is answered by the key scheme's Forbid, which turns it into 429 (see <c>ApiKeyAuthenticationHandler</c>).
/// </summary>
public sealed class ApiRateLimitRequirement : IAuthorizationRequirement
{
    public static readonly ApiRateLimitRequirement Instance = new();
}

public sealed class ApiRateLimitAuthorizationHandler : AuthorizationHandler<ApiRateLimitRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiRateLimitRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.Features.Get<ApiRateLimitDecision>() is not { Exceeded: true })
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
