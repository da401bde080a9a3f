using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Services;
using Telemed.Core;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Endpoints;

/// <summary>One slot as the picker reads it: ISO 8601 with the visitor's offset.</summary>
public sealed record SlotJson(string Start, string End, Guid HostId, string HostName, int SeatsLeft);

public sealed record SlotsResponse(Guid ServiceId, string TimeZone, int DurationMinutes, string From, string To, IReadOnlyList<SlotJson> Slots);

/// <summary>The public JSON the slot picker reads, and the calendar file behind the manage link.</summary>
public static class BookingEndpoints
{
    /// <summary>The most days one slots request may cover.</summary>
    public const int MaxDays = TimeInput.MaxDays;

    /// <summary>The days one slots request covers when it does not say.</summary>
    private const int DefaultDays = 7;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/booking/slots", GetSlotsAsync)
            .WithName("BookingSlots")
            .WithSummary("Free slots of a service, with one host or any, between two dates (or in one month) in the visitor's zone")
            .WithTags("Booking")
            .AllowAnonymous()
            .RequireRateLimiting(CoreStartup.PublicRateLimit);

        endpoints.MapGet("/book/manage/{token}/appointment.ics", GetCalendarFileAsync)
            .WithName("BookingCalendarFile")
            .WithSummary("The appointment as an iCalendar file")
            .WithTags("Booking")
            .AllowAnonymous()
            .RequireRateLimiting(CoreStartup.PublicRateLimit);
    }

    public static async Task<Results<Ok<SlotsResponse>, ValidationProblem, ProblemHttpResult>> GetSlotsAsync(
        string? service, string? host, string? from, string? to, string? month, string? tz, string? duration,
        BookingDb db, SlotFinder finder, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(service, out var serviceId))
        {
            errors["service"] = ["Give the service's id."];
        }
        Guid? hostId = null;
        if (!string.IsNullOrEmpty(host) && host != "any")
        {
            if (Guid.TryParse(host, out var parsedHost)) { hostId = parsedHost; }
            else { errors["host"] = ["Give a host's id, or 'any'."]; }
        }
        if (!VisitorZones.TryFind(string.IsNullOrEmpty(tz) ? "UTC" : tz, out var zone))
        {
            errors["tz"] = ["Give an IANA time zone such as Europe/London."];
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(finder.Now, zone).DateTime);
        var (first, last) = string.IsNullOrEmpty(month)
            ? TimeInput.ReadDays(from, to, today, DefaultDays, errors)
            : ReadMonth(month, from, to, today, errors);
        int? minutes = null;
        if (!string.IsNullOrEmpty(duration))
        {
            if (int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) { minutes = parsed; }
            else { errors["duration"] = ["Give the length in minutes."]; }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.Active, cancellationToken);
        if (found is null)
        {
            return NotFound("No such service", "This clinic offers no service with this id.");
        }
        var length = minutes ?? found.Durations.Min();
        if (!found.Offers(length))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["duration"] = [$"{found.Name} is offered for {string.Join(", ", found.Durations)} minutes."],
            });
        }
        var hosts = await finder.HostsOfferingAsync(found.Id, hostId, cancellationToken);
        if (hostId is not null && hosts.Count == 0)
        {
            return NotFound("No such host", "No host with this id offers this service.");
        }

        var slots = await finder.FindAsync(found, hosts, length, VisitorTime.DaysToUtc(first, last, zone), cancellationToken);
        return TypedResults.Ok(new SlotsResponse(found.Id, zone.Id, length,
            first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            slots.Select(s => new SlotJson(
                VisitorTime.ToIso8601(s.Slot.Start, zone), VisitorTime.ToIso8601(s.Slot.End, zone),
                s.Host.Id, s.Host.DisplayName, s.Slot.SeatsLeft)).ToList()));
    }

    /// <summary>The days of <paramref name="month"/> (yyyy-MM), which the month calendar asks for instead of 'from' and 'to'.</summary>
    private static (DateOnly First, DateOnly Last) ReadMonth(string month, string? from, string? to, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to))
        {
            errors["month"] = ["Give either 'month' or 'from' and 'to', not both."];
            return (today, today);
        }
        if (!TimeInput.TryReadMonth(month, out var first))
        {
            errors["month"] = [TimeInput.MonthMessage];
            return (today, today);
        }
        return (first, first.AddMonths(1).AddDays(-1));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendarFileAsync(
        string token, ManageLinks links, AppointmentQueries appointments, TenantContext tenantContext, CancellationToken cancellationToken)
    {
        if (links.ReadToken(token) is not { } id || await appointments.FindAsync(id, cancellationToken) is not { } row)
        {
            return NotFound("Link not recognised", "This appointment link is not valid for this clinic. Use the link from your confirmation.");
        }
        var ics = CalendarLinks.Ics(row.Appointment, $"{row.Service.Name} with {row.Host.DisplayName}", tenantContext.Required.Name,
            links.AbsoluteUrl(token));
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "appointment.ics");
    }

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);
}
