namespace Telemed.Core.Security;

/// <summary>The four roles every tenant has. Platform admins exist only in the platform tenant.</summary>
public static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string ClinicAdmin = "ClinicAdmin";
    public const string Host = "Host";
    public const string Patient = "Patient";

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, ClinicAdmin, Host, Patient];

    /// <summary>The role as people read it ("Clinic admin"); the name itself stays in claims and storage.</summary>
    public static string Label(string role) => role switch
    {
        PlatformAdmin => "Platform admin",
        ClinicAdmin => "Clinic admin",
        Host => "Host (doctor or staff)",
        Patient => "Patient",
        _ => role,
    };
}

/// <summary>Claim types the platform adds to a signed-in user.</summary>
public static class TelemedClaims
{
    public const string TenantId = "telemed:tenant";
}
