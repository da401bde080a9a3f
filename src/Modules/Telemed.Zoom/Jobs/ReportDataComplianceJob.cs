using System.Text.Json;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Jobs;

/// <summary>
/// After a user removed the app and asked Zoom not to retain data (and we deleted their tokens), reports
/// compliance to Zoom with the app that received the deauthorization: the platform's, or a clinic's own.
/// </summary>
public sealed class ReportDataComplianceJob(ZoomOAuthClient oauth, ZoomApps apps, ZoomSettingsStore settings, TenantContext tenantContext) : IJobHandler
{
    public const string Kind = "zoom.data-compliance";

    public static JobRequest Request(Guid tenantId, JsonElement deauthorization) =>
        new(Kind, deauthorization.GetRawText()) { TenantId = tenantId, MaxAttempts = 20 };

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(job.PayloadJson);
        var app = tenantContext.Required.IsPlatform ? apps.Platform : apps.ForClinic(await settings.GetAsync(cancellationToken));
        try
        {
            await oauth.ReportComplianceAsync(app, payload.RootElement, cancellationToken);
        }
        catch (ZoomApiException exception) when (exception.RetryAfter is { } retryAfter)
        {
            throw new RetryJobLaterException(exception.Message, retryAfter);
        }
    }
}
