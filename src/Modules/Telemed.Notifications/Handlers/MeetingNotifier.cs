using Telemed.Core.Events;
using Telemed.Notifications.Models;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Handlers;

public enum MeetingNoticeKind
{
    /// <summary>The meeting was created after the booking: the patient gets the join link.</summary>
    LinkReady,
    /// <summary>The join link changed (the meeting was re-created): the patient gets the new one.</summary>
    LinkChanged,
    /// <summary>The meeting could not be created: the clinic's staff are told.</summary>
    Failed,
}

/// <summary>
/// What the meetings module reports about an appointment's meeting. The seam for <c>MeetingChanged</c>: the meetings module
/// publishes this (through <see cref="EventPublisher"/>, delivered as jobs of <see cref="MeetingNotifier.Kind"/>) or calls
/// <see cref="MeetingNotifier.NotifyAsync"/> from its own subscriber.
/// </summary>
public sealed record MeetingLinkNotice(Guid AppointmentId, MeetingNoticeKind Kind, string? Error = null);

/// <summary>Sends the meeting-link-ready, link-changed and meeting-failed messages for an appointment this module knows.</summary>
public sealed class MeetingNotifier(AppointmentStates states, NotificationSender sender) : IEventSubscriber<MeetingLinkNotice>
{
    public const string Kind = "notifications.meeting-notice";

    public Task HandleAsync(MeetingLinkNotice domainEvent, CancellationToken cancellationToken) => NotifyAsync(domainEvent, cancellationToken);

    public async Task<int> NotifyAsync(MeetingLinkNotice notice, CancellationToken cancellationToken)
    {
        var appointment = await states.FindAsync(notice.AppointmentId, cancellationToken);
        if (appointment is null || appointment.Status != "confirmed" || appointment.EndUtc < DateTimeOffset.UtcNow)
        {
            return 0;
        }
        return notice.Kind switch
        {
            MeetingNoticeKind.LinkReady => await sender.SendAsync(NotificationEvent.MeetingLinkReady, appointment, [NotificationRecipient.Patient], cancellationToken),
            MeetingNoticeKind.LinkChanged => await sender.SendAsync(NotificationEvent.MeetingLinkChanged, appointment, [NotificationRecipient.Patient], cancellationToken),
            _ => await sender.SendAsync(NotificationEvent.MeetingFailed, appointment, [NotificationRecipient.Staff], cancellationToken, notice.Error),
        };
    }
}
