using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Telemed.Booking.Pages.Booking;
using Telemed.Booking.Services;

namespace Telemed.Booking.Endpoints;

/// <summary>A page of a list answer: <see cref="NextCursor"/> asks for the next page, null on the last one.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Data, string? NextCursor);

/// <summary>How every paged list reads <c>limit</c> and <c>cursor</c>: an opaque base64url text the list made, passed back unchanged.</summary>
public static class ApiPaging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 100;
    public const string CursorMessage = "Pass back the nextCursor of the previous page unchanged.";

    /// <summary>The page size asked for (or the default); a field error when it is not 1 to <see cref="MaxSize"/>.</summary>
    public static int ReadLimit(string? limit, Dictionary<string, string[]> errors)
    {
        if (limit is null)
        {
            return DefaultSize;
        }
        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxSize)
        {
            return size;
        }
        errors["limit"] = [$"Give a page size from 1 to {MaxSize}."];
        return DefaultSize;
    }

    public static string Encode(string position) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(position));

    public static bool TryDecode(string cursor, out string position)
    {
        position = "";
        try
        {
            position = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            return position.Length is > 0 and <= 300;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>The patient of an appointment, as they gave their details.</summary>
public sealed record ApiPatient(string Name, string Email, string? Phone, string? TimeZone);

/// <summary>An appointment as the REST API shows it; times are UTC instants, the zones say how each side reads them.</summary>
public sealed record ApiAppointment(
    Guid Id, string Status, Guid ServiceId, string ServiceName, Guid HostId, string HostName, string HostTimeZone,
    DateTimeOffset Start, DateTimeOffset End, int DurationMinutes, ApiPatient Patient, string? Notes,
    string? CancellationReason, string? CancelledBy, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ApiAppointment From(AppointmentRow row)
    {
        var a = row.Appointment;
        return new ApiAppointment(a.Id, a.Status, row.Service.Id, row.Service.Name, row.Host.Id, row.Host.DisplayName, a.HostTimeZone,
            a.StartUtc.ToUniversalTime(), a.EndUtc.ToUniversalTime(), a.DurationMinutes,
            new ApiPatient(a.PatientName, a.PatientEmail, a.PatientPhone, a.PatientTimeZone), a.Notes,
            a.CancellationReason, a.CancelledBy, a.Version, a.CreatedAt.ToUniversalTime(), a.UpdatedAt.ToUniversalTime());
    }
}

/// <summary>The patient as an integration sends them; the same limits and messages as the booking form.</summary>
public sealed class ApiPatientInput
{
    [Required(ErrorMessage = "Give the patient's full name.")]
    [StringLength(120, ErrorMessage = "A name can be at most 120 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Give the patient's e-mail address; the confirmation goes there.")]
    [StringLength(254, ErrorMessage = "An e-mail address can be at most 254 characters.")]
    [RegularExpression(PatientInput.EmailPattern, ErrorMessage = "Give an e-mail address such as name@example.com.")]
    public string? Email { get; set; }

    [StringLength(32, ErrorMessage = "A phone number can be at most 32 characters.")]
    [RegularExpression(PatientInput.PhonePattern, ErrorMessage = "Give a phone number such as +44 20 7946 0000.")]
    public string? Phone { get; set; }

    /// <summary>The IANA zone the patient's messages give times in; the clinic's when missing.</summary>
    [StringLength(64, ErrorMessage = "Give an IANA time zone such as Europe/London.")]
    public string? TimeZone { get; set; }
}

/// <summary>A booking request: a service, a host or any, a start offered by <c>/availability</c>, and the patient.</summary>
public sealed class ApiBookingInput
{
    [Required(ErrorMessage = "Give the service's id.")]
    public Guid? ServiceId { get; set; }

    /// <summary>A host's id; any host offering the time when missing.</summary>
    public Guid? HostId { get; set; }

    /// <summary>An instant with its offset, as <c>/availability</c> gives it (2026-03-09T10:00:00+01:00).</summary>
    [Required(ErrorMessage = TimeInput.InstantMessage)]
    public string? Start { get; set; }

    /// <summary>One of the service's lengths; its shortest when missing.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Give the length in minutes.")]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessage = "Give the patient's name and e-mail.")]
    public ApiPatientInput? Patient { get; set; }

    [StringLength(1000, ErrorMessage = "Notes can be at most 1000 characters.")]
    public string? Notes { get; set; }
}

/// <summary>A move to another start with the same host and length.</summary>
public sealed class ApiRescheduleInput
{
    [Required(ErrorMessage = TimeInput.InstantMessage)]
    public string? Start { get; set; }
}

/// <summary>Why the appointment is cancelled; the patient is told.</summary>
public sealed class ApiCancelInput
{
    [Required(ErrorMessage = "Give a reason; the patient is told it.")]
    [StringLength(AppointmentActions.MaxReasonLength, ErrorMessage = "A reason can be at most 500 characters.")]
    public string? Reason { get; set; }
}
