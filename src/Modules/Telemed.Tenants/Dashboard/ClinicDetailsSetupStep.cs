using Telemed.Core.Navigation;
using Telemed.Tenants.Services;

namespace Telemed.Tenants.Dashboard;

/// <summary>The clinic can be reached: patients see the e-mail and phone in messages and on the site.</summary>
public sealed class ClinicDetailsSetupStep(ClinicSettingsStore settings) : ISetupStepSource
{
    public async Task<IReadOnlyList<SetupStep>> GetStepsAsync(CancellationToken cancellationToken)
    {
        var clinic = await settings.GetAsync(cancellationToken);
        var done = !string.IsNullOrWhiteSpace(clinic.ContactEmail) && !string.IsNullOrWhiteSpace(clinic.ContactPhone);
        return [new SetupStep("Add the clinic's contact details", "The e-mail and phone patients see in messages and on your site.", "/admin/settings", done, 10)];
    }
}
