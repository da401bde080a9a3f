using System.Security.Cryptography;
using System.Text;
using Telemed.Core.Clinic;

namespace Telemed.Api.Webhooks;

/// <summary>The events a clinic can subscribe to, named after the appointment and meeting changes Core publishes.</summary>
public static class WebhookEvents
{
    /// <summary>Sent by "Send test event" to one endpoint, whatever it subscribed to.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> Appointment = Enum.GetValues<AppointmentChange>().Select(TypeOf).ToList();
    public static readonly IReadOnlyList<string> Meeting = Enum.GetValues<MeetingChange>().Select(TypeOf).ToList();
    public static readonly IReadOnlyList<string> All = [.. Appointment, .. Meeting];

    public static string TypeOf(AppointmentChange change) => "appointment." + Snake(change.ToString());

    public static string TypeOf(MeetingChange change) => "meeting." + Snake(change.ToString());

    public static string Describe(string type) => type switch
    {
        "appointment.booked" => "An appointment was booked",
        "appointment.rescheduled" => "An appointment moved to another time",
        "appointment.cancelled" => "An appointment was cancelled",
        "appointment.completed" => "An appointment was marked completed",
        "appointment.no_show" => "The patient did not come",
        "appointment.deleted" => "An appointment was deleted",
        "meeting.created" => "A video meeting was created (join link ready)",
        "meeting.link_changed" => "A meeting's join link changed",
        "meeting.failed" => "A video meeting could not be created",
        "meeting.deleted" => "A video meeting was removed",
        "meeting.ended" => "A video meeting ended",
        _ => type,
    };

    /// <summary>
    /// The event's id, derived from what changed and its version, so the same change always has the same id (a retried
    /// publication included) and receivers can drop duplicates.
    /// </summary>
    public static string IdFor(string type, Guid subject, int version) =>
        "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}|{subject:N}|{version}")))[..24];

    public static string NewId() => "evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private static string Snake(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}

/// <summary>The <c>data</c> of appointment events: what a receiver needs, in the clinic's words.</summary>
public sealed record AppointmentData(
    Guid Id, string Status, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? PreviousStart, string? CancellationReason,
    WebhookService Service, WebhookHost Host, WebhookPatient Patient, int Version)
{
    public static AppointmentData From(AppointmentChanged e) => new(
        e.AppointmentId, e.Status, e.StartUtc, e.EndUtc, e.PreviousStartUtc, e.CancellationReason,
        new WebhookService(e.ServiceId, e.ServiceName, e.Telemed, e.MeetingProvider, e.Capacity),
        new WebhookHost(e.HostId, e.HostName, e.HostTimeZone),
        new WebhookPatient(e.PatientName, e.PatientEmail, e.PatientPhone, e.PatientTimeZone),
        e.Version);
}

public sealed record WebhookService(Guid Id, string Name, bool Telemed, string MeetingProvider, int Capacity);

public sealed record WebhookHost(Guid Id, string Name, string? TimeZone);

public sealed record WebhookPatient(string Name, string Email, string? Phone, string? TimeZone);

/// <summary>
/// The <c>data</c> of meeting events: the join link and passcode patients get. Never the host's start link: the event it is
/// built from does not carry one, and this record has no place for it.
/// </summary>
public sealed record MeetingData(
    Guid Id, string Provider, string State, DateTimeOffset Start, string? JoinUrl, string? Passcode, string? Reason,
    IReadOnlyList<Guid> AppointmentIds, WebhookHost Host, int Version)
{
    public static MeetingData From(MeetingChanged e) => new(
        e.MeetingId, e.Provider, e.State.ToString().ToLowerInvariant(), e.StartUtc, e.JoinUrl, e.Passcode, e.Reason,
        e.AppointmentIds, new WebhookHost(e.HostId, e.HostName, null), e.Version);
}
