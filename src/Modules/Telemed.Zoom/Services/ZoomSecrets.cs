using Microsoft.AspNetCore.DataProtection;

namespace Telemed.Zoom.Services;

/// <summary>Encrypts what Zoom hands us (tokens, start URLs, a clinic's app secrets) with the platform's shared Data Protection keys.</summary>
public sealed class ZoomSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _tokens = provider.CreateProtector("Telemed.Zoom.Tokens.v1");
    private readonly IDataProtector _startUrls = provider.CreateProtector("Telemed.Zoom.StartUrls.v1");
    private readonly IDataProtector _appSecrets = provider.CreateProtector("Telemed.Zoom.AppSecrets.v1");
    private readonly ITimeLimitedDataProtector _state = provider.CreateProtector("Telemed.Zoom.OAuthState.v1").ToTimeLimitedDataProtector();

    public string ProtectToken(string token) => _tokens.Protect(token);
    public string UnprotectToken(string protectedToken) => _tokens.Unprotect(protectedToken);

    public string ProtectStartUrl(string url) => _startUrls.Protect(url);
    public string UnprotectStartUrl(string protectedUrl) => _startUrls.Unprotect(protectedUrl);

    public string ProtectAppSecret(string secret) => _appSecrets.Protect(secret);
    public string UnprotectAppSecret(string protectedSecret) => _appSecrets.Unprotect(protectedSecret);

    /// <summary>The OAuth <c>state</c>: the stored state's id, signed, tied to the clinic and valid for a short time.</summary>
    public string SignState(string stateId, Guid tenantId, TimeSpan lifetime) => _state.Protect($"{tenantId:N}.{stateId}", lifetime);

    public string? ReadState(string? signed, Guid tenantId)
    {
        if (string.IsNullOrEmpty(signed))
        {
            return null;
        }

        try
        {
            var value = _state.Unprotect(signed);
            var prefix = $"{tenantId:N}.";
            return value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
