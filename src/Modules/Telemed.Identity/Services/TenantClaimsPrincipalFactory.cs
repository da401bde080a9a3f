using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Telemed.Core.Security;
using Telemed.Identity.Models;

namespace Telemed.Identity.Services;

/// <summary>Adds the user's clinic and display name to the sign-in cookie.</summary>
public sealed class TenantClaimsPrincipalFactory(
    UserManager<TelemedUser> users, RoleManager<TelemedRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TelemedUser, TelemedRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TelemedUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TelemedClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim("name", user.DisplayName));
        return identity;
    }
}
