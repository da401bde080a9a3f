using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Http;
using Telemed.Core.Jobs;
using Telemed.Core.Navigation;

namespace Telemed.Api.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>Outgoing webhooks: endpoints per clinic, deliveries as jobs through a client that reaches public addresses only.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks").ValidateOnStart()
            .Validate(o => o.TimeoutSeconds is > 0 and <= 60, "Webhooks:TimeoutSeconds must be between 1 and 60.")
            .Validate(o => o.MaxAttempts is > 0 and <= 25, "Webhooks:MaxAttempts must be between 1 and 25.")
            .Validate(o => o.DisableAfterFailures > 0, "Webhooks:DisableAfterFailures must be at least 1.")
            .Validate(o => o.RetryBase > TimeSpan.Zero && o.RetryMax >= o.RetryBase, "Webhooks:RetryBase must be positive and no more than Webhooks:RetryMax.")
            .Validate(o => o.ResponseBodyLimit is >= 0 and <= 65_536, "Webhooks:ResponseBodyLimit must be between 0 and 65536.");
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookAddresses>();
        services.AddScoped<WebhookStore>();
        services.AddScoped<WebhookDispatcher>();
        services.AddScoped<WebhookFailures>();
        services.AddScoped<IAdminAlertSource, WebhookAlerts>();
        services.AddGuardedHttpClient(WebhookDeliveryJob.HttpClientName, (provider, address) => provider.GetRequiredService<WebhookAddresses>().MayConnect(address))
            .ConfigureHttpClient((provider, client) => client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds));
        services.AddJob<WebhookDeliveryJob>(WebhookDispatcher.JobKind);
        services.AddEventSubscriber<AppointmentChanged, WebhookEventSubscriber>(WebhookEventSubscriber.AppointmentKind);
        services.AddEventSubscriber<MeetingChanged, WebhookEventSubscriber>(WebhookEventSubscriber.MeetingKind);
        return services;
    }
}
