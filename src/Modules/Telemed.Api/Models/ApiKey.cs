using Telemed.Core.Data;

namespace Telemed.Api.Models;

/// <summary>
/// A clinic's API key. The secret itself is never stored: only its SHA-256 <see cref="KeyHash"/> and the short
/// <see cref="Prefix"/> the admin recognises it by.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";

    /// <summary><see cref="ApiKeyModes.Live"/> or <see cref="ApiKeyModes.Test"/>, as the secret's own prefix says.</summary>
    public string Mode { get; set; } = ApiKeyModes.Live;

    /// <summary>The start of the secret ("tmd_live_Ab12Cd34"), shown in lists so a key can be told apart.</summary>
    public string Prefix { get; set; } = "";

    public byte[] KeyHash { get; set; } = [];
    public string[] Scopes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedByUserId { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}

public static class ApiKeyModes
{
    public const string Live = "live";
    public const string Test = "test";
}
