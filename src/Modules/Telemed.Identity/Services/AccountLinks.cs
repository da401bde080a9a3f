using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;

namespace Telemed.Identity.Services;

/// <summary>Absolute links of account e-mails (password reset, invitation), rooted at the clinic's configured address.</summary>
public sealed class AccountLinks(PublicUrls urls, TenantContext tenantContext)
{
    public string ResetPassword(string email, string token) =>
        urls.ForTenant(tenantContext.Required, $"/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");

    /// <summary>The reset page in its invitation form: choosing the password also signs the person in.</summary>
    public string Invitation(string email, string token) => ResetPassword(email, token) + "&invited=true";
}
