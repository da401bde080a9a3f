using System.Text.Json.Nodes;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>An event as the sandbox stores it. Immutable: the store swaps whole records under its lock, and <see cref="Fields"/> is never changed once stored.</summary>
public sealed record GoogleEvent
{
    public const string Confirmed = "confirmed";
    public const string Tentative = "tentative";
    public const string Cancelled = "cancelled";

    /// <summary>The account whose primary calendar holds the event (its sub).</summary>
    public required string AccountId { get; init; }

    public required string OrganizerEmail { get; init; }
    public required string Id { get; init; }

    /// <summary>The client-writable fields (summary, start, attendees, extendedProperties, …) as last written, normalised.</summary>
    public required JsonObject Fields { get; init; }

    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public int Sequence { get; init; }

    /// <summary>confirmed, tentative, or cancelled (deleted).</summary>
    public string Status { get; init; } = Confirmed;

    public GoogleConference? Conference { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Who cancelled it: "api" (delete call or status), or "host" (in Google Calendar, through the control endpoint).</summary>
    public string? DeletedBy { get; init; }

    /// <summary>Every call that created or changed the event, with its sendUpdates and the e-mails Google would have sent.</summary>
    public IReadOnlyList<GoogleEventCall> Calls { get; init; } = [];

    /// <summary>Position in the calendar's insertion order, the order lists use by default.</summary>
    public long Ordinal { get; init; }

    public bool IsCancelled => Status == Cancelled;

    /// <summary>Google's etag: the modification time in microseconds, quoted. Every change moves <see cref="Updated"/>, so it changes too.</summary>
    public string ETag => $"\"{Updated.ToUnixTimeMilliseconds() * 1000}\"";
}

/// <summary>
/// One call that changed the event: insert, patch, update, delete, or host_delete. <see cref="SendUpdates"/> is what
/// the call asked for (null when it sent neither sendUpdates nor sendNotifications).
/// </summary>
public sealed record GoogleEventCall(string Operation, DateTimeOffset At, string? SendUpdates, int ConferenceDataVersion, IReadOnlyList<GoogleInvitationEmail> Emails);

/// <summary>An e-mail Google would have sent about the event: invitation, update or cancellation.</summary>
public sealed record GoogleInvitationEmail(string To, string Kind);
