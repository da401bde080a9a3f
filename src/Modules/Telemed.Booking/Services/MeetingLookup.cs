using Telemed.Booking.Models;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>What the patient's Join button shows: whether it exists, whether it is live, and where it goes.</summary>
public sealed record JoinView(bool Visible, bool Active, string? Url, string? Passcode, string Note);

/// <summary>
/// Asks the meetings module (when it is installed) for an appointment's meeting. Patients get the join link only; the
/// start link is asked for only on staff pages. When Join and Start open is the meetings module's rule, read from the answer.
/// </summary>
public sealed class MeetingLookup(IEnumerable<IMeetingLinks> meetings, MeetingProviderChoices providers, TimeProvider clock)
{
    private readonly IMeetingLinks? _links = meetings.FirstOrDefault();

    public async Task<JoinView> ForPatientAsync(Appointment appointment, Service service, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!service.Telemed || !appointment.IsConfirmed || appointment.HasEnded(now))
        {
            return new JoinView(false, false, null, null, "");
        }

        if (!HasProviderFor(service))
        {
            // No installed module makes this service's meetings: the link comes from the clinic itself.
            return new JoinView(true, false, null, null, "The clinic will send you the link to the video visit before it starts.");
        }

        var meeting = await _links!.GetForPatientAsync(appointment.Id, cancellationToken);
        if (meeting is not { State: MeetingState.Created, JoinUrl: not null })
        {
            var note = meeting?.State switch
            {
                MeetingState.Failed => "We are still setting up the video link; the clinic has been told.",
                MeetingState.Pending or MeetingState.NotApplicable when meeting.Reason is { } providerNote => providerNote,
                _ => "Your video link is on its way.",
            };
            return new JoinView(true, false, null, null, note);
        }

        return meeting.CanJoinAt(now)
            ? new JoinView(true, true, meeting.JoinUrl, meeting.Passcode, "Your video visit is open.")
            : new JoinView(true, false, null, meeting.Passcode, $"Join opens {MinutesBefore(appointment, meeting.JoinOpensAt)} minutes before the start.");
    }

    /// <summary>The meeting as staff see it; null when no provider module handles the service.</summary>
    public async Task<MeetingInfo?> ForHostAsync(Appointment appointment, Service service, bool freshStartUrl, CancellationToken cancellationToken) =>
        HasProviderFor(service) ? await _links!.GetForHostAsync(appointment.Id, freshStartUrl, cancellationToken) : null;

    /// <summary>Staff warnings for listed video appointments whose host has no working connection to their provider.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> WarningsAsync(IReadOnlyCollection<Guid> appointmentIds, CancellationToken cancellationToken) =>
        _links is null || appointmentIds.Count == 0 ? new Dictionary<Guid, string>() : await _links.WarningsAsync(appointmentIds, cancellationToken);

    /// <summary>The meeting state of each video appointment among <paramref name="rows"/> that a provider module handles.</summary>
    public async Task<IReadOnlyDictionary<Guid, MeetingState>> StatesAsync(IEnumerable<AppointmentRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => HasProviderFor(r.Service)).Select(r => r.Appointment.Id).ToList();
        return ids.Count == 0 ? new Dictionary<Guid, MeetingState>() : await _links!.StatesAsync(ids, cancellationToken);
    }

    public bool HasProviderFor(Service service) => service.Telemed && _links is not null && providers.IsInstalled(service.MeetingProvider);

    /// <summary>How long before the start a window opens, in whole minutes.</summary>
    public static string MinutesBefore(Appointment appointment, DateTimeOffset? opensAt) =>
        opensAt is { } at ? (appointment.StartUtc - at).TotalMinutes.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "";
}
