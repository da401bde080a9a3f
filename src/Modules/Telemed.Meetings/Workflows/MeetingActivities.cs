using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Workflows;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Workflows;

/// <summary>
/// Create, update, cancel and end the appointment's video meeting through <see cref="IMeetingScheduler"/>. The provider
/// work follows as the meeting's own sync job (with its retries), so Done means the meeting is planned; workflows that
/// need the link wait for "Meeting link ready".
/// </summary>
public abstract class MeetingActivity : WorkflowActivity
{
    public const string Skipped = "Skipped";
    public const string ServiceProvider = "service";

    public override string Category => "Video meetings";
    public override IReadOnlyList<string> Outcomes => [Done, Skipped];

    protected abstract string Verb { get; }

    protected abstract Task RunAsync(IMeetingScheduler scheduler, AppointmentChanged appointment, CancellationToken cancellationToken);

    /// <summary>Why this appointment should not be acted on, or null.</summary>
    protected virtual string? SkipReason(AppointmentChanged appointment) => null;

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.Appointment is not { } appointment)
        {
            return ActivityResult.Outcome(Skipped, "This run is not about an appointment.");
        }
        appointment = WithProvider(appointment, context.Properties.GetOr("provider", ServiceProvider));
        if (SkipReason(appointment) is { } reason)
        {
            return ActivityResult.Outcome(Skipped, reason);
        }
        // A service without video still goes to the scheduler, which records why there is no meeting for staff pages.
        var noVideo = !appointment.Telemed || appointment.MeetingProvider == MeetingProviders.None;
        if (!context.DryRun)
        {
            await RunAsync(context.Services.GetRequiredService<IMeetingScheduler>(), appointment, cancellationToken);
        }
        var provider = ProviderText(appointment, context.Services.GetRequiredService<MeetingProviderRegistry>());
        return noVideo ? ActivityResult.Outcome(Skipped, "The service is not a video consultation, so there is no meeting.")
            : context.DryRun ? ActivityResult.Outcome(Done, $"Would {Verb} the {provider} meeting for {appointment.StartUtc:u}.")
            : ActivityResult.Outcome(Done, $"Asked to {Verb} the {provider} meeting; the provider work follows as a job.");
    }

    private static AppointmentChanged WithProvider(AppointmentChanged appointment, string provider) =>
        provider == ServiceProvider ? appointment : appointment with { MeetingProvider = MeetingProviders.Normalize(provider), Telemed = true };

    private static string ProviderText(AppointmentChanged appointment, MeetingProviderRegistry providers) => appointment.MeetingProvider switch
    {
        MeetingProviders.HostsConnected => "host's",
        var id => providers.NameOf(id),
    };

    protected static string? NotOn(AppointmentChanged appointment) =>
        appointment.Status != "confirmed" ? $"The appointment is {appointment.Status}, so its meeting is not made or moved." : null;

    protected static readonly ActivityProperty ProviderProperty = new("provider", "Provider")
    {
        Default = ServiceProvider,
        MaxLength = MeetingProviders.MaxIdLength,
        Help = "service (the service's choice), host (the host's connected provider), or a provider such as zoom or google-meet.",
    };

    public override IEnumerable<string> Validate(ActivityProperties properties)
    {
        var provider = properties.GetOr("provider", ServiceProvider);
        if (provider != ServiceProvider && !MeetingProviders.IsWellFormed(MeetingProviders.Normalize(provider)))
        {
            yield return "Provider must be service, host or a provider id such as zoom.";
        }
    }
}

public sealed class CreateMeetingActivity : MeetingActivity
{
    public override string Type => "meetings.create";
    public override string DisplayName => "Create meeting";
    public override string Description => "Makes the slot's video meeting (group bookings share one) with the service's provider or a chosen one.";
    public override IReadOnlyList<ActivityProperty> Properties => [ProviderProperty];
    protected override string Verb => "create";
    protected override string? SkipReason(AppointmentChanged appointment) => NotOn(appointment);
    protected override Task RunAsync(IMeetingScheduler scheduler, AppointmentChanged appointment, CancellationToken cancellationToken) => scheduler.EnsureAsync(appointment, cancellationToken);
}

public sealed class UpdateMeetingActivity : MeetingActivity
{
    public override string Type => "meetings.update";
    public override string DisplayName => "Update meeting";
    public override string Description => "Moves the meeting to the appointment's new time (and makes it if it is missing).";
    public override IReadOnlyList<ActivityProperty> Properties => [ProviderProperty];
    protected override string Verb => "move";
    protected override string? SkipReason(AppointmentChanged appointment) => NotOn(appointment);
    protected override Task RunAsync(IMeetingScheduler scheduler, AppointmentChanged appointment, CancellationToken cancellationToken) => scheduler.MoveAsync(appointment, cancellationToken);
}

public sealed class CancelMeetingActivity : MeetingActivity
{
    public override string Type => "meetings.cancel";
    public override string DisplayName => "Cancel meeting";
    public override string Description => "Removes the meeting at the provider once no appointment of its slot needs it.";
    protected override string Verb => "cancel";
    protected override Task RunAsync(IMeetingScheduler scheduler, AppointmentChanged appointment, CancellationToken cancellationToken) => scheduler.CancelAsync(appointment, cancellationToken);
}

public sealed class EndMeetingActivity : MeetingActivity
{
    public override string Type => "meetings.end";
    public override string DisplayName => "End meeting";
    public override string Description => "Ends a meeting that is still running (after a completed or missed appointment).";
    protected override string Verb => "end";
    protected override Task RunAsync(IMeetingScheduler scheduler, AppointmentChanged appointment, CancellationToken cancellationToken) => scheduler.EndAsync(appointment, cancellationToken);
}
