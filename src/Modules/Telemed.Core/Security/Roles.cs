namespace Telemed.Core.Security;

/// <summary>The four roles every tenant has. Platform admins exist only in the platform tenant.</summary>
public static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string ClinicAdmin = "ClinicAdmin";
    public const string Host = "Host";
    public const string Patient = "Patient";

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, ClinicAdmin, Host, Patient];
}

/// <summary>Claim types the platform adds to a signed-in user.</summary>
public static class TelemedClaims
{
    public const string TenantId = "telemed:tenant";
}
