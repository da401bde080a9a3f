namespace Telemed.Core.Theming;

/// <summary>What a public layout shows as the site's brand: the clinic's (or the platform's) name and the clinic's logo.</summary>
public sealed record PublicBrand(string Name, string? LogoUrl, bool IsPlatform)
{
    public const string PlatformName = "TelemedSaaS";

    public static async Task<PublicBrand> ForAsync(Tenancy.Tenant? tenant, ClinicBrandingAccessor branding, CancellationToken cancellationToken = default)
    {
        if (tenant is null || tenant.IsPlatform)
        {
            return new PublicBrand(PlatformName, null, true);
        }
        var logo = (await branding.GetAsync(cancellationToken)).LogoUrl;
        // Only an https address reaches the page, whatever was stored: the CSP admits no other image source.
        return new PublicBrand(tenant.Name, logo is not null && logo.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? logo : null, false);
    }
}
