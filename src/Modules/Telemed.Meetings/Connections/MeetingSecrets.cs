using Microsoft.AspNetCore.DataProtection;

namespace Telemed.Meetings.Connections;

/// <summary>
/// Encrypts what providers hand us (tokens, start URLs) and signs the OAuth state, with the platform's shared Data
/// Protection keys. The purposes are the ones Zoom used when it kept these itself, so data moved from it still opens.
/// </summary>
public sealed class MeetingSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _tokens = provider.CreateProtector("Telemed.Zoom.Tokens.v1");
    private readonly IDataProtector _startUrls = provider.CreateProtector("Telemed.Zoom.StartUrls.v1");
    private readonly ITimeLimitedDataProtector _state = provider.CreateProtector("Telemed.Zoom.OAuthState.v1").ToTimeLimitedDataProtector();

    public string ProtectToken(string token) => _tokens.Protect(token);
    public string UnprotectToken(string protectedToken) => _tokens.Unprotect(protectedToken);

    public string ProtectStartUrl(string url) => _startUrls.Protect(url);
    public string UnprotectStartUrl(string protectedUrl) => _startUrls.Unprotect(protectedUrl);

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
