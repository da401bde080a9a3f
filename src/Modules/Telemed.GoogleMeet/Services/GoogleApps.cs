using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Telemed.GoogleMeet.Data;
using Telemed.Meetings.Data;
using Telemed.Sandbox;

namespace Telemed.GoogleMeet.Services;

/// <summary>An OAuth web client's credentials: the platform's Google app or a clinic's own.</summary>
public sealed record GoogleApp(string ClientId, string ClientSecret, bool IsClinicOwn);

/// <summary>Chooses the app a clinic connects with, finds the app that issued a connection's tokens, and keeps clinics' secrets encrypted.</summary>
public sealed class GoogleApps(IOptions<GoogleOptions> options, IOptions<SandboxOptions> sandbox, IDataProtectionProvider protection)
{
    private readonly IDataProtector _secrets = protection.CreateProtector("Telemed.GoogleMeet.AppSecrets.v1");

    /// <summary>The platform's app: configured, or the mounted sandbox's.</summary>
    public GoogleApp Platform
    {
        get
        {
            var google = options.Value;
            var fallback = sandbox.Value.Google;
            return google.SandboxMounted && string.IsNullOrWhiteSpace(google.ClientId)
                ? new GoogleApp(fallback.ClientId, fallback.ClientSecret, false)
                : new GoogleApp(google.ClientId ?? "", google.ClientSecret ?? "", false);
        }
    }

    public string ProtectSecret(string secret) => _secrets.Protect(secret);

    /// <summary>The app new connections of this clinic use.</summary>
    public GoogleApp ForClinic(GoogleMeetSettings settings) =>
        settings.UseOwnApp && !string.IsNullOrWhiteSpace(settings.ClientId) && settings.ProtectedClientSecret is not null
            ? new GoogleApp(settings.ClientId, _secrets.Unprotect(settings.ProtectedClientSecret), true)
            : Platform;

    /// <summary>The app that issued a connection's tokens, even if the clinic has switched apps since.</summary>
    public GoogleApp ForConnection(HostConnection connection, GoogleMeetSettings settings)
    {
        var clinic = ForClinic(settings);
        return clinic.ClientId == connection.ClientId ? clinic : Platform;
    }
}
