using Microsoft.AspNetCore.DataProtection;

namespace Telemed.Zoom.Services;

/// <summary>Encrypts a clinic's own Zoom app secrets with the platform's shared Data Protection keys.</summary>
public sealed class ZoomSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _appSecrets = provider.CreateProtector("Telemed.Zoom.AppSecrets.v1");

    public string ProtectAppSecret(string secret) => _appSecrets.Protect(secret);
    public string UnprotectAppSecret(string protectedSecret) => _appSecrets.Unprotect(protectedSecret);
}
