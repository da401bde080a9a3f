using Telemed.Booking.Models;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>What the patient's Join button shows: whether it exists, whether it is live, and where it goes.</summary>
public sealed record JoinView(bool Visible, bool Active, string? Url, string? Passcode, string Note);

/// <summary>
/// Asks the meeting modules (when any is installed) for an appointment's meeting. Patients get the
/// join link only; the start link is asked for only on staff pages.
/// </summary>
public sealed class MeetingLookup(IEnumerable<IMeetingLinks> providers, TimeProvider clock)
{
    /// <summary>The Join button opens this long before the start and stays until the end.</summary>
    public static readonly TimeSpan JoinOpensBefore = TimeSpan.FromMinutes(10);

    /// <summary>The host's Start session button opens this long before the start and stays until the end.</summary>
    public static readonly TimeSpan StartOpensBefore = TimeSpan.FromMinutes(15);

    public async Task<JoinView> ForPatientAsync(Appointment appointment, Service service, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!service.Telemed || !appointment.IsConfirmed || appointment.HasEnded(now))
        {
            return new JoinView(false, false, null, null, "");
        }

        var opens = appointment.StartUtc - JoinOpensBefore;
        var provider = Find(service);
        var meeting = provider is null ? null : await provider.GetForPatientAsync(appointment.Id, cancellationToken);
        if (meeting is not { State: MeetingState.Created, JoinUrl: not null })
        {
            var note = meeting?.State switch
            {
                MeetingState.Failed => "We are still setting up the video link; the clinic has been told.",
                MeetingState.Pending when meeting.Reason is { } providerNote => providerNote,
                _ => "Your video link is on its way.",
            };
            return new JoinView(true, false, null, null, note);
        }

        return now >= opens
            ? new JoinView(true, true, meeting.JoinUrl, meeting.Passcode, "Your video visit is open.")
            : new JoinView(true, false, null, meeting.Passcode, $"Join opens {JoinOpensBefore.TotalMinutes:0} minutes before the start.");
    }

    /// <summary>The meeting as staff see it; null when no provider module handles the service.</summary>
    public async Task<MeetingInfo?> ForHostAsync(Appointment appointment, Service service, bool freshStartUrl, CancellationToken cancellationToken)
    {
        var provider = service.Telemed ? Find(service) : null;
        return provider is null ? null : await provider.GetForHostAsync(appointment.Id, freshStartUrl, cancellationToken);
    }

    public bool HasProviderFor(Service service) => service.Telemed && Find(service) is not null;

    private IMeetingLinks? Find(Service service) => providers.FirstOrDefault(p => p.Provider == service.MeetingProvider);
}
