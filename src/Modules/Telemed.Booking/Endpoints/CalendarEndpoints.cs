using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Telemed.Booking.Availability;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Endpoints;

/// <summary>What an event says beside its colour: patient, service, host, status and video meeting, and the time in words.</summary>
public sealed record CalendarEventDetails(string Patient, string Service, string Host, string Status, string StatusText,
    string Meeting, string MeetingText, string When);

/// <summary>
/// One appointment as FullCalendar reads it. Start and end are the viewer's wall-clock times without an offset (the
/// calendar runs in UTC so it shows them as they are, whatever the browser's zone); <see cref="StartEditable"/> lets
/// staff drag a confirmed appointment that has not started.
/// </summary>
public sealed record CalendarEventJson(Guid Id, string Title, string Start, string End, string Url, IReadOnlyList<string> ClassNames,
    bool StartEditable, CalendarEventDetails ExtendedProps);

public sealed record CalendarEventsResponse(string TimeZone, string ZoneAbbreviation, string Start, string End, bool Truncated,
    IReadOnlyList<CalendarEventJson> Events);

/// <summary>The staff calendar's events, for the signed-in staff member of this clinic only.</summary>
public static class CalendarEndpoints
{
    public const string EventsPath = "/admin/calendar/events";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(EventsPath, GetEventsAsync)
            .WithName("StaffCalendarEvents")
            .WithSummary("Appointments between two days (at most six weeks) in the viewer's zone, for one host or all in reach")
            .WithTags("Booking")
            .RequireAuthorization(BookingPermissions.Names.ManageAppointments);

    /// <param name="start">First day shown, yyyy-MM-dd in the viewer's zone.</param>
    /// <param name="end">The day after the last one shown (FullCalendar's exclusive end).</param>
    /// <param name="host">A host's id; all hosts in reach when missing.</param>
    public static async Task<Results<Ok<CalendarEventsResponse>, ValidationProblem, ProblemHttpResult>> GetEventsAsync(
        string? start, string? end, string? host, StaffCalendar calendar, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TimeInput.TryReadDay(start, out var first))
        {
            errors["start"] = [TimeInput.DayMessage];
        }
        if (!TimeInput.TryReadDay(end, out var afterLast))
        {
            errors["end"] = [TimeInput.DayMessage];
        }
        else if (errors.Count == 0 && (afterLast <= first || afterLast.DayNumber - first.DayNumber > StaffCalendar.MaxDays))
        {
            errors["end"] = [$"'end' must come after 'start', at most {StaffCalendar.MaxDays} days later."];
        }
        Guid? hostId = null;
        if (!string.IsNullOrEmpty(host))
        {
            if (Guid.TryParse(host, out var parsed)) { hostId = parsed; }
            else { errors["host"] = ["Give a host's id, or leave it out for every host."]; }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The calendar cannot show this range");
        }

        if (await calendar.ScopeAsync(hostId, cancellationToken) is not { } scope)
        {
            return TypedResults.Problem("No host with this id is in your calendar.", statusCode: StatusCodes.Status404NotFound, title: "No such host");
        }
        var range = VisitorTime.DaysToUtc(first, afterLast.AddDays(-1), scope.Zone);
        var (entries, truncated) = await calendar.EntriesAsync(scope, range, cancellationToken);
        var now = clock.GetUtcNow();
        var appointmentsPath = $"{http.Request.PathBase}/admin/appointments/";
        return TypedResults.Ok(new CalendarEventsResponse(scope.Zone.Id, Abbreviations(scope.Zone, range), Day(first), Day(afterLast), truncated,
            entries.Select(entry => ToEvent(entry, scope.Zone, appointmentsPath, now)).ToList()));
    }

    private static CalendarEventJson ToEvent(CalendarEntry entry, TimeZoneInfo zone, string appointmentsPath, DateTimeOffset now)
    {
        var (appointment, service, host) = (entry.Row.Appointment, entry.Row.Service, entry.Row.Host);
        var meeting = CalendarLabels.Meeting(entry);
        var when = $"{TimeText.Range(appointment.StartUtc, appointment.EndUtc, zone.Id)} {ZoneAbbreviations.For(zone, appointment.StartUtc)}";
        return new CalendarEventJson(
            appointment.Id,
            $"{appointment.PatientName} · {service.Name}",
            WallClock(appointment.StartUtc, zone),
            WallClock(appointment.EndUtc, zone),
            appointmentsPath + appointment.Id,
            ["appt", $"appt-status-{appointment.Status}", $"appt-meeting-{meeting.Code}"],
            appointment.IsConfirmed && appointment.StartUtc > now,
            new CalendarEventDetails(appointment.PatientName, service.Name, host.DisplayName, appointment.Status,
                AppointmentStatus.Label(appointment.Status), meeting.Code, meeting.Text, when));
    }

    /// <summary>"GMT", or "GMT/BST" when the clocks change inside the range.</summary>
    private static string Abbreviations(TimeZoneInfo zone, UtcRange range)
    {
        var atStart = ZoneAbbreviations.For(zone, range.From);
        var atEnd = ZoneAbbreviations.For(zone, range.To.AddTicks(-1));
        return atStart == atEnd ? atStart : $"{atStart}/{atEnd}";
    }

    private static string WallClock(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
