using Telemed.Core.Navigation;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Dashboard;

/// <summary>The default messages speak for the clinic until an admin has read them and said they are right.</summary>
public sealed class TemplatesSetupStep(NotificationSettingsStore settings) : ISetupStepSource
{
    public async Task<IReadOnlyList<SetupStep>> GetStepsAsync(CancellationToken cancellationToken)
    {
        var reviewed = (await settings.GetAsync(cancellationToken)).TemplatesReviewedAt is not null;
        return [new SetupStep("Review your message templates", "Read what patients receive when they book, and mark the templates reviewed.", "/admin/templates", reviewed, 50)];
    }
}
