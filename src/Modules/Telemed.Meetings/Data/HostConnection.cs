using Telemed.Core.Data;

namespace Telemed.Meetings.Data;

/// <summary>A host's connection to one provider's account. Tokens are encrypted with Data Protection; a lost connection keeps none.</summary>
public sealed class HostConnection : ITenantOwned
{
    public const string Connected = "connected";
    public const string Lost = "lost";

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Provider { get; set; } = "";
    public Guid HostId { get; set; }

    /// <summary>The OAuth app that issued the tokens (the platform's or the clinic's own).</summary>
    public string ClientId { get; set; } = "";
    public string ExternalUserId { get; set; } = "";
    public string ExternalAccountId { get; set; } = "";
    public string Email { get; set; } = "";
    public string? ProtectedAccessToken { get; set; }
    public string? ProtectedRefreshToken { get; set; }
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }
    public string Scopes { get; set; } = "";
    public string Status { get; set; } = Connected;
    public string? LostReason { get; set; }
    public Guid? ConnectedByUserId { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsConnected => Status == Connected && ProtectedRefreshToken is not null;
}

/// <summary>A started "Connect": single use, short-lived, bound to the provider and the user who started it.</summary>
public sealed class OAuthState : ITenantOwned
{
    public string Id { get; set; } = "";
    public Guid TenantId { get; set; }
    public string Provider { get; set; } = "";
    public Guid HostId { get; set; }
    public Guid UserId { get; set; }
    public string ProtectedCodeVerifier { get; set; } = "";
    public string RedirectUri { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>One call the sync job or Start session made to a provider about a meeting, for staff tracing a problem.</summary>
public sealed class ProviderCall : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public string Provider { get; set; } = "";
    public string Operation { get; set; } = "";
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
    public DateTimeOffset At { get; set; }
}
