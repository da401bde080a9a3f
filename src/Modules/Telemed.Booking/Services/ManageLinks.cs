using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Services;

/// <summary>
/// The signed link that lets a patient manage an appointment without an account. The token is the
/// appointment id protected with a purpose that names the clinic, so a forged token, or one issued
/// by another clinic, does not read.
/// </summary>
public sealed class ManageLinks(IDataProtectionProvider protection, TenantContext tenantContext, PublicUrls urls)
{
    private IDataProtector Protector =>
        protection.CreateProtector("Telemed.Booking.ManageLink.v1", tenantContext.Required.Id.ToString("N"));

    public string CreateToken(Guid appointmentId) => Protector.Protect(appointmentId.ToString("N"));

    public Guid? ReadToken(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }
        try
        {
            return Guid.TryParseExact(Protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The absolute manage URL for e-mails and calendar entries, rooted at the clinic's configured address.</summary>
    public string AbsoluteUrl(Guid appointmentId) => AbsoluteUrl(CreateToken(appointmentId));

    /// <summary>The absolute manage URL of a token already issued.</summary>
    public string AbsoluteUrl(string token) => urls.ForTenant(tenantContext.Required, $"/book/manage/{token}");
}
