namespace Telemed.Core.Tenancy;

public enum TenantState
{
    Active,
    Suspended,
}

/// <summary>A clinic: the unit of isolation. Immutable; the registry hands out fresh copies.</summary>
public sealed record Tenant(
    Guid Id,
    string Slug,
    string Name,
    IReadOnlyList<string> HostNames,
    TenantState State,
    string Theme,
    string TimeZone,
    DateTimeOffset CreatedAt)
{
    /// <summary>The operator's own tenant: platform admins live here.</summary>
    public static readonly Guid PlatformId = new("00000000-0000-0000-0000-000000000001");

    public bool IsPlatform => Id == PlatformId;
}
