using Telemed.Core.Tenancy;

namespace Telemed.Core.Theming;

/// <summary>What a theme shows of the clinic's own look: its accent colour and logo (both optional).</summary>
public sealed record ClinicBranding(string? AccentColor = null, string? LogoUrl = null)
{
    public static readonly ClinicBranding None = new();
}

/// <summary>Where the branding comes from; the tenants module answers from the clinic's settings.</summary>
public interface IClinicBrandingSource
{
    Task<ClinicBranding> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The current clinic's branding, read once per request however many parts of the layout ask.
/// The platform's own pages have none.
/// </summary>
public sealed class ClinicBrandingAccessor(TenantContext tenantContext, IEnumerable<IClinicBrandingSource> sources)
{
    private ClinicBranding? _branding;

    public async Task<ClinicBranding> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_branding is not null)
        {
            return _branding;
        }
        var source = sources.LastOrDefault();
        _branding = tenantContext.Tenant is { IsPlatform: false } && source is not null
            ? await source.GetAsync(cancellationToken)
            : ClinicBranding.None;
        return _branding;
    }
}
