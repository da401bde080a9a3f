using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Telemed.Booking.Services;
using Telemed.Core;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Endpoints;

/// <summary>One slot as the picker reads it: ISO 8601 with the visitor's offset.</summary>
public sealed record SlotJson(string Start, string End, Guid HostId, string HostName, int SeatsLeft);

public sealed record SlotsResponse(Guid ServiceId, string TimeZone, int DurationMinutes, string From, string To, IReadOnlyList<SlotJson> Slots);

/// <summary>
/// The free-times answer written by source-generated code: the picker and clinics' websites ask for it on every change
/// of week, and a week of two hosts' slots is tens of kilobytes that reflection-based serialization writes far slower.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(SlotsResponse))]
internal sealed partial class BookingJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>The public JSON the slot picker reads, and the calendar file behind the manage link.</summary>
public static class BookingEndpoints
{
    /// <summary>The most days one slots request may cover.</summary>
    public const int MaxDays = TimeInput.MaxDays;

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

    public static Task<Results<Ok<SlotsResponse>, Utf8JsonResult, ValidationProblem, ProblemHttpResult>> GetSlotsAsync(
        string? service, string? host, string? from, string? to, string? month, string? tz, string? duration,
        SlotSearch search, CancellationToken cancellationToken) =>
        search.SearchAsync(new SlotSearchRequest(service, host, from, to, month, tz, duration), cancellationToken);

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
