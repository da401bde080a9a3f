using Telemed.Core.Clinic;

namespace Telemed.Tenants.Services;

/// <summary>The contact details from the clinic's settings, for other modules' pages.</summary>
public sealed class ClinicContact(ClinicSettingsStore settings) : IClinicContact
{
    public async Task<ClinicContactDetails> GetAsync(CancellationToken cancellationToken = default) => From(await settings.GetAsync(cancellationToken));

    public static ClinicContactDetails From(ClinicSettings clinic) => new(Blank(clinic.ContactPhone), Blank(clinic.ContactEmail));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
